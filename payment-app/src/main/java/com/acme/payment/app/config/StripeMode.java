package com.acme.payment.app.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the Stripe keys are set: the opposite of {@link SandboxMode}. */
public class StripeMode implements Condition {

    private final SandboxMode sandbox = new SandboxMode();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !sandbox.matches(context, metadata);
    }
}
