package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The refunds asked for, with their outcome. */
public interface RefundLedger {

    /** @throws DuplicateIdempotencyKeyException when the payment already has a refund with its idempotency key */
    void insertRefund(Refund refund);

    void updateRefund(Refund refund);

    Optional<Refund> findRefundByIdempotencyKey(PaymentId paymentId, String idempotencyKey);

    /** The payment's refund with our id, or else with the gateway's id (either may be null). */
    Optional<Refund> findRefund(PaymentId paymentId, String refundId, String gatewayRefundId);

    /** When the payment's latest refund that the gateway failed after making it was recorded as failed. */
    Optional<Instant> latestGatewayFailure(PaymentId paymentId);

    /** Refunds still pending that were asked for before {@code createdBefore}, oldest first. */
    List<Refund> findPendingRefunds(Instant createdBefore, int limit);
}
