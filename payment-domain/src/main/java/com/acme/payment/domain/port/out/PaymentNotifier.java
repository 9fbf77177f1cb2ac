package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Dispute;
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

    /** To the merchant, once per dispute, with the evidence deadline. */
    void disputeOpened(Payment payment, Dispute dispute);

    /** To the merchant, once per dispute, when the evidence deadline is near and no response was given. */
    void disputeReminder(Payment payment, Dispute dispute);

    /** To the merchant, once per dispute, when it is won or lost. */
    void disputeClosed(Payment payment, Dispute dispute);

    /** Tells the merchant that a refund failed after it was made: the customer did not get that money back. */
    void refundFailed(Payment payment, Refund refund, String eventKey);
}
