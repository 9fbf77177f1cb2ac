package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway says happened to one of its payment intents, already verified. Webhooks carry an
 * event id; snapshots the reconciler fetches do not.
 *
 * @param refundedTotal for {@link GatewayEventType#REFUND_UPDATED}: the gateway's total refunded so far
 * @param dispute       for the dispute events: the dispute as the event reports it
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
        String detail,
        GatewayDispute dispute) {

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type != GatewayEventType.UNHANDLED) {
            Objects.requireNonNull(paymentReference, "paymentReference");
        }
        if (type.isDispute()) {
            Objects.requireNonNull(dispute, "dispute");
        }
    }

    /** An event about a payment itself, with no dispute. */
    public GatewayEvent(String eventId, GatewayEventType type, String paymentReference, Instant occurredAt,
                        String transactionId, String failureCode, String failureMessage, long refundedTotal,
                        String detail) {
        this(eventId, type, paymentReference, occurredAt, transactionId, failureCode, failureMessage, refundedTotal,
                detail, null);
    }

    public static GatewayEvent dispute(String eventId, GatewayEventType type, Instant occurredAt,
                                       GatewayDispute dispute) {
        return new GatewayEvent(eventId, type, dispute.paymentReference(), occurredAt, null, null, null, 0, null,
                dispute);
    }

    public static GatewayEvent unhandled(String eventId, String gatewayType, Instant occurredAt) {
        return new GatewayEvent(eventId, GatewayEventType.UNHANDLED, null, occurredAt, null, null, null, 0, gatewayType);
    }
}
