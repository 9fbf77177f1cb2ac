package com.acme.payment.adapter.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox paces its events.
 *
 * @param webhookDelay      from a change at the "gateway" to its event arriving, as Stripe's webhooks lag
 * @param settlementDelay   from {@code processing} to {@code succeeded}
 * @param deliveryAttempts  how often an event is delivered before the sandbox gives up on it
 * @param firstRetryDelay   the wait before the second attempt; it doubles for each further one
 */
public record SandboxSettings(Duration webhookDelay, Duration settlementDelay, int deliveryAttempts,
                              Duration firstRetryDelay) {

    public SandboxSettings {
        Objects.requireNonNull(webhookDelay, "webhookDelay");
        Objects.requireNonNull(settlementDelay, "settlementDelay");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        if (webhookDelay.isNegative() || settlementDelay.isNegative() || firstRetryDelay.isNegative()) {
            throw new IllegalArgumentException("sandbox delays must not be negative");
        }
        if (deliveryAttempts < 1) {
            throw new IllegalArgumentException("deliveryAttempts must be at least 1");
        }
    }
}
