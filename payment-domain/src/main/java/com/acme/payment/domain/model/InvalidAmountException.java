package com.acme.payment.domain.model;

/** An amount or currency the service cannot charge. */
public class InvalidAmountException extends InvalidPaymentRequestException {

    public InvalidAmountException(String field, String message) {
        super(field, message);
    }
}
