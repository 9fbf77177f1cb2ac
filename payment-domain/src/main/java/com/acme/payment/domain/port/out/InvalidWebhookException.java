package com.acme.payment.domain.port.out;

/** A webhook that must not be trusted: bad signature, stale timestamp, or unreadable body. */
public class InvalidWebhookException extends RuntimeException {

    public InvalidWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
