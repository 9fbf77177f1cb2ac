package com.acme.payment.app.web;

/** The client already holds as many streams of this kind on this instance as it may. */
class TooManyStreamsException extends RuntimeException {

    TooManyStreamsException(String message) {
        super(message);
    }
}
