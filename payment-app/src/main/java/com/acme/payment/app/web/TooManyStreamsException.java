package com.acme.payment.app.web;

/** The client address already holds as many status streams on this instance as it may. */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException() {
        super("Too many open status streams from this address.");
    }
}
