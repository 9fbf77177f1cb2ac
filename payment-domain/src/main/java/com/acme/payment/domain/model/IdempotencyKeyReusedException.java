package com.acme.payment.domain.model;

/** An Idempotency-Key sent again with a different request. */
public class IdempotencyKeyReusedException extends PaymentException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request");
    }
}
