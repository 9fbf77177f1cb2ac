package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway says happened to one of its payment intents, already verified. Webhooks carry an
 * event id; snapshots the reconciler fetches do not.
 *
 * @param refundedTotal for {@link GatewayEventType#REFUND_UPDATED}: the gateway's total refunded so far; for
 *                      {@link GatewayEventType#REFUND_FAILED}: the total after the failure, or -1 when the event
 *                      does not carry it
 * @param refundFailure for {@link GatewayEventType#REFUND_FAILED}: which refund failed, and why
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
        RefundFailure refundFailure) {

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type != GatewayEventType.UNHANDLED) {
            Objects.requireNonNull(paymentReference, "paymentReference");
        }
        if (type == GatewayEventType.REFUND_FAILED) {
            Objects.requireNonNull(refundFailure, "refundFailure");
        }
    }

    /** Any event but a refund failure. */
    public GatewayEvent(String eventId, GatewayEventType type, String paymentReference, Instant occurredAt,
                        String transactionId, String failureCode, String failureMessage, long refundedTotal,
                        String detail) {
        this(eventId, type, paymentReference, occurredAt, transactionId, failureCode, failureMessage, refundedTotal,
                detail, null);
    }

    public static GatewayEvent refundFailed(String eventId, String paymentReference, Instant occurredAt,
                                            long refundedTotal, RefundFailure failure) {
        return new GatewayEvent(eventId, GatewayEventType.REFUND_FAILED, paymentReference, occurredAt, null, null,
                null, refundedTotal, null, failure);
    }

    public static GatewayEvent unhandled(String eventId, String gatewayType, Instant occurredAt) {
        return new GatewayEvent(eventId, GatewayEventType.UNHANDLED, null, occurredAt, null, null, null, 0, gatewayType);
    }
}
