package com.acme.payment.app.eventlog;

import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Stripe mode: whether an enabled webhook endpoint sends every event type the service handles. Asked once, after
 * start-up and off the start-up thread, since Stripe may be slow or unreachable; a gap is a WARN and a detail of
 * {@code /actuator/health/stripe-webhooks} (the public {@code /actuator/health} shows no details: they would
 * publish the disk's path too), never DOWN: payments still work, and the reconciler and backfill heal missed events.
 */
public class WebhookEndpointsCheck implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpointsCheck.class);

    private final Supplier<List<String>> missingTypes;
    private volatile Health health = Health.up().withDetail("webhookEndpoints", "not checked yet").build();

    /** @param missingTypes asks Stripe; empty when an enabled endpoint covers every handled type */
    public WebhookEndpointsCheck(Supplier<List<String>> missingTypes) {
        this.missingTypes = missingTypes;
    }

    /** The sandbox delivers its own events: nothing to check, but the health group exists in both modes. */
    public static WebhookEndpointsCheck sandbox() {
        WebhookEndpointsCheck check = new WebhookEndpointsCheck(null);
        check.health = Health.up().withDetail("webhookEndpoints", "sandbox mode: the sandbox delivers its events")
                .build();
        return check;
    }

    public void check() {
        if (missingTypes == null) {
            return;
        }
        try {
            List<String> missing = missingTypes.get();
            if (missing.isEmpty()) {
                health = Health.up().withDetail("webhookEndpoints", "an enabled endpoint sends every handled type")
                        .build();
                return;
            }
            LOG.warn("No enabled Stripe webhook endpoint sends every event type this service handles; missing: {}. "
                    + "Add them to the endpoint in Stripe's Dashboard (README: Stripe setup).", missing);
            health = Health.up().withDetail("webhookEndpoints", "event types missing on every enabled endpoint")
                    .withDetail("missingEventTypes", missing).build();
        } catch (RuntimeException e) {
            LOG.warn("Could not ask Stripe for the webhook endpoints: {}", e.getMessage());
            health = Health.up().withDetail("webhookEndpoints", "could not be checked: " + e.getMessage()).build();
        }
    }

    @Override
    public Health health() {
        return health;
    }
}
