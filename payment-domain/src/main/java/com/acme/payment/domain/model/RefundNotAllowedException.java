package com.acme.payment.domain.model;

/** A refund the payment cannot take: wrong status, or more than what is left to refund. */
public class RefundNotAllowedException extends PaymentException {

    public RefundNotAllowedException(String message) {
        super(message);
    }
}
