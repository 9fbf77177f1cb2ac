package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A refund an admin asked for. Pending while the gateway works on it. */
public record Refund(
        String refundId,
        PaymentId paymentId,
        long amount,
        Status status,
        String reason,
        String idempotencyKey,
        String gatewayRefundId,
        Instant createdAt,
        String failureReason) {

    public static final int MAX_REASON_LENGTH = 500;

    public enum Status { PENDING, SUCCEEDED, FAILED }

    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (amount <= 0) {
            throw new RefundNotAllowedException("refund amount must be positive");
        }
    }

    /** A refund without a failure reason: every refund until it fails. */
    public Refund(String refundId, PaymentId paymentId, long amount, Status status, String reason,
                  String idempotencyKey, String gatewayRefundId, Instant createdAt) {
        this(refundId, paymentId, amount, status, reason, idempotencyKey, gatewayRefundId, createdAt, null);
    }

    /** A new refund id: {@code rf_} and 128 random bits. */
    public static String newId() {
        return "rf_" + PaymentId.random().value().substring("pay_".length());
    }

    public Refund succeeded(String gatewayRefundId) {
        return new Refund(refundId, paymentId, amount, Status.SUCCEEDED, reason, idempotencyKey, gatewayRefundId, createdAt);
    }

    public Refund failed() {
        return new Refund(refundId, paymentId, amount, Status.FAILED, reason, idempotencyKey, gatewayRefundId, createdAt);
    }

    /** The gateway's refund failed after the gateway had accepted it. */
    public Refund failedAtGateway(String failedRefundId, String failureReason) {
        return new Refund(refundId, paymentId, amount, Status.FAILED, reason, idempotencyKey, failedRefundId, createdAt,
                failureReason);
    }
}
