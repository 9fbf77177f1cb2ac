package com.acme.payment.domain.model;

/** Someone else changed the payment since it was read; reload and retry. */
public class StalePaymentException extends PaymentException {

    public StalePaymentException(PaymentId paymentId, long expectedVersion) {
        super("payment " + paymentId + " changed since version " + expectedVersion);
    }
}
