package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What the gateway says happened to one of its payment intents, already verified. Webhooks carry an
 * event id; snapshots the reconciler fetches do not.
 *
 * @param paymentReference  the gateway's PaymentIntent; null for a hosted checkout's event before it has one
 * @param refundedTotal     for {@link GatewayEventType#REFUND_UPDATED}: the gateway's total refunded so far; for
 *                          {@link GatewayEventType#REFUND_FAILED}: the total after the failure, or -1 when the
 *                          event does not carry it
 * @param dispute           for the dispute events: the dispute as the event reports it
 * @param paymentId         our payment id as the gateway's metadata carries it: finds a hosted payment whose
 *                          PaymentIntent it does not know yet; null when the event has none
 * @param checkoutSessionId set on a hosted checkout session's events: only the payment's current session counts
 * @param refundFailure     for {@link GatewayEventType#REFUND_FAILED}: which refund failed, and why
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
        GatewayDispute dispute,
        String paymentId,
        String checkoutSessionId,
        RefundFailure refundFailure) {

    public GatewayEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (type != GatewayEventType.UNHANDLED && paymentReference == null && paymentId == null) {
            throw new NullPointerException("paymentReference or paymentId");
        }
        if (type.isDispute()) {
            Objects.requireNonNull(dispute, "dispute");
        }
        if (type == GatewayEventType.REFUND_FAILED) {
            Objects.requireNonNull(refundFailure, "refundFailure");
        }
    }

    /** An event about a PaymentIntent alone, not a refund failure. */
    public GatewayEvent(String eventId, GatewayEventType type, String paymentReference, Instant occurredAt,
                        String transactionId, String failureCode, String failureMessage, long refundedTotal,
                        String detail) {
        this(eventId, type, paymentReference, occurredAt, transactionId, failureCode, failureMessage, refundedTotal,
                detail, null, null, null, null);
    }

    public static GatewayEvent dispute(String eventId, GatewayEventType type, Instant occurredAt,
                                       GatewayDispute dispute) {
        return new GatewayEvent(eventId, type, dispute.paymentReference(), occurredAt, null, null, null, 0, null,
                dispute, null, null, null);
    }

    public static GatewayEvent refundFailed(String eventId, String paymentReference, Instant occurredAt,
                                            long refundedTotal, RefundFailure failure) {
        return new GatewayEvent(eventId, GatewayEventType.REFUND_FAILED, paymentReference, occurredAt, null, null,
                null, refundedTotal, null, null, null, null, failure);
    }

    /** The same event with the transaction id the gateway reported elsewhere (its PaymentIntent's charge). */
    public GatewayEvent withTransactionId(String id) {
        return new GatewayEvent(eventId, type, paymentReference, occurredAt, id, failureCode, failureMessage,
                refundedTotal, detail, dispute, paymentId, checkoutSessionId, refundFailure);
    }

    public static GatewayEvent unhandled(String eventId, String gatewayType, Instant occurredAt) {
        return new GatewayEvent(eventId, GatewayEventType.UNHANDLED, null, occurredAt, null, null, null, 0, gatewayType);
    }
}
