package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a payment's audit trail. {@code applied} is false for events that were acknowledged
 * but changed nothing (stale or not allowed); {@code from} is null for the creation entry.
 */
public record StatusChange(
        PaymentStatus from,
        PaymentStatus to,
        ChangeSource source,
        String gatewayEventId,
        boolean applied,
        String detail,
        Instant occurredAt) {

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
