package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a payment's audit trail. {@code applied} is false for events that were acknowledged
 * but changed nothing (stale or not allowed); {@code from} is null for the creation entry; {@code actor} is the
 * signed-in user who made an admin change, null for every other source.
 */
public record StatusChange(
        PaymentStatus from,
        PaymentStatus to,
        ChangeSource source,
        String gatewayEventId,
        boolean applied,
        String detail,
        Instant occurredAt,
        String actor) {

    /** A change no signed-in user made: the API, a webhook, the reconciler. */
    public StatusChange(PaymentStatus from, PaymentStatus to, ChangeSource source, String gatewayEventId,
                        boolean applied, String detail, Instant occurredAt) {
        this(from, to, source, gatewayEventId, applied, detail, occurredAt, null);
    }

    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
