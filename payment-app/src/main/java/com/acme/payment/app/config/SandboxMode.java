package com.acme.payment.app.config;

import java.util.stream.Stream;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Stripe key is set: the offline sandbox takes payments and its endpoints exist. */
public class SandboxMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Stream.of("stripe.secret-key", "stripe.publishable-key", "stripe.webhook-secret")
                .map(key -> context.getEnvironment().getProperty(key, ""))
                .allMatch(String::isBlank);
    }
}
