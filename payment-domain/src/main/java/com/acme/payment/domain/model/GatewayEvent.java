package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway says happened to one of its payment intents, already verified. Webhooks carry an
 * event id; snapshots the reconciler fetches do not.
 *
 * @param refundedTotal for {@link GatewayEventType#REFUND_UPDATED}: the gateway's total refunded so far
 */
public record GatewayEvent(
        String eventId,
        GatewayEventType type,
        String paymentReference,
        Instant occurredAt,
        String transactionId,
        String failureCode,
        String failureMessage,
        long refundedTotal,
        String detail) {

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type != GatewayEventType.UNHANDLED) {
            Objects.requireNonNull(paymentReference, "paymentReference");
        }
    }

    public static GatewayEvent unhandled(String eventId, String gatewayType, Instant occurredAt) {
        return new GatewayEvent(eventId, GatewayEventType.UNHANDLED, null, occurredAt, null, null, null, 0, gatewayType);
    }
}
