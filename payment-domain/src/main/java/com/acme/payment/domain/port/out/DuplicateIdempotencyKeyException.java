package com.acme.payment.domain.port.out;

/** Another request stored a payment with the same idempotency key first. */
public class DuplicateIdempotencyKeyException extends RuntimeException {

    public DuplicateIdempotencyKeyException(String idempotencyKey, Throwable cause) {
        super("idempotency key already used: " + idempotencyKey, cause);
    }
}
