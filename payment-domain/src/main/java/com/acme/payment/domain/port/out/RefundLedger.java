package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import java.util.Optional;

/** The refunds asked for, with their outcome. */
public interface RefundLedger {

    /** @throws DuplicateIdempotencyKeyException when the payment already has a refund with its idempotency key */
    void insertRefund(Refund refund);

    void updateRefund(Refund refund);

    Optional<Refund> findRefundByIdempotencyKey(PaymentId paymentId, String idempotencyKey);
}
