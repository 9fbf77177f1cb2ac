package com.acme.payment.domain.model;

/** A request field that breaks a domain rule (e.g. an unknown service type). */
public class InvalidPaymentRequestException extends PaymentException {

    private final String field;

    public InvalidPaymentRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
