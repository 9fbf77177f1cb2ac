package com.acme.payment.domain.model;

public class PaymentNotFoundException extends PaymentException {

    public PaymentNotFoundException(String paymentId) {
        super("no payment " + paymentId);
    }
}
