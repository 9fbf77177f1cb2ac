package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.Refund;

/**
 * Tells people what happened to a payment. Called inside the transaction that made the change, so an
 * implementation must only record the intent to notify (an outbox), never send.
 * {@code eventKey} makes each notice unique: the same key twice sends once.
 */
public interface PaymentNotifier {

    void paymentSucceeded(Payment payment, String eventKey);

    void paymentFailed(Payment payment, String eventKey);

    void paymentRefunded(Payment payment, String eventKey);

    void disputeOpened(Payment payment, String eventKey, String detail);

    /** Tells the merchant that a refund failed after it was made: the customer did not get that money back. */
    void refundFailed(Payment payment, Refund refund, String eventKey);
}
