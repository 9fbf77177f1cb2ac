package com.acme.payment.app.config;

import com.acme.payment.adapter.sandbox.Sandbox;
import com.acme.payment.adapter.stripe.StripeEventHistory;
import com.acme.payment.adapter.stripe.StripeWebhookEndpoints;
import com.acme.payment.app.eventlog.SandboxWebhookOutage;
import com.acme.payment.app.eventlog.SignatureFailures;
import com.acme.payment.app.eventlog.WebhookEndpointsCheck;
import com.acme.payment.domain.port.in.HandleGatewayEventUseCase;
import com.acme.payment.domain.port.out.GatewayEventLog;
import com.acme.payment.domain.port.out.GatewayEventSource;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.service.GatewayEventLogService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The gateway event log: its queries, replay and backfill, rejected webhooks, and the webhook endpoints check. */
@Configuration(proxyBeanMethods = false)
public class EventLogConfiguration {

    /** Backfill reads Stripe's Events API, or in sandbox mode the sandbox's own list. */
    @Bean
    GatewayEventSource gatewayEventSource(GatewayMode mode, StripeProperties stripe, ObjectProvider<Sandbox> sandbox) {
        return mode.isSandbox() ? sandbox.getObject().eventSource() : new StripeEventHistory(stripe.settings());
    }

    @Bean
    GatewayEventLogService gatewayEventLogService(GatewayEventLog log, GatewayEventVerifier verifier,
                                                  GatewayEventSource source, HandleGatewayEventUseCase events,
                                                  Clock clock) {
        return new GatewayEventLogService(log, verifier, source, events, clock);
    }

    @Bean
    SignatureFailures signatureFailures(EventLogProperties properties, MeterRegistry meters, Clock clock) {
        return new SignatureFailures(properties.signatureFailuresKept(), meters, clock);
    }

    @Bean
    @Conditional(SandboxMode.class)
    SandboxWebhookOutage sandboxWebhookOutage() {
        return new SandboxWebhookOutage();
    }

    /** The health component {@code stripeWebhooks}. */
    @Bean
    WebhookEndpointsCheck stripeWebhooksHealthIndicator(GatewayMode mode, StripeProperties stripe) {
        return mode.isSandbox() ? WebhookEndpointsCheck.sandbox()
                : new WebhookEndpointsCheck(new StripeWebhookEndpoints(stripe.settings())::missingTypes);
    }

    /** Once the app is up, so that a slow or unreachable Stripe never holds start-up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> checkWebhookEndpointsWhenReady(WebhookEndpointsCheck check) {
        return ready -> CompletableFuture.runAsync(check::check);
    }
}
