package com.acme.payment.domain.model;

/** The payment cannot be paid (again) this way: it is paid, being paid, canceled, or paid on the other flow. */
public class CheckoutUnavailableException extends PaymentException {

    public CheckoutUnavailableException(String message) {
        super(message);
    }
}
