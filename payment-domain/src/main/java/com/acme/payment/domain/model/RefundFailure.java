package com.acme.payment.domain.model;

import java.util.Objects;

/**
 * The gateway reports that one of its refunds failed after it had accepted it (Stripe's {@code refund.failed}).
 *
 * @param gatewayRefundId the gateway's id for the refund
 * @param refundId        ours, from the refund's metadata; null for a refund made elsewhere (Stripe's Dashboard)
 * @param reason          the gateway's failure reason, e.g. {@code expired_or_canceled_card}; may be null
 */
public record RefundFailure(String gatewayRefundId, String refundId, long amount, String reason) {

    public RefundFailure {
        Objects.requireNonNull(gatewayRefundId, "gatewayRefundId");
        if (amount <= 0) {
            throw new IllegalArgumentException("a failed refund's amount must be positive");
        }
    }
}
