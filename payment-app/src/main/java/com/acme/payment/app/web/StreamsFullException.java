package com.acme.payment.app.web;

/** This instance holds as many status streams as its heap allows (payment.max-status-streams); the page polls. */
class StreamsFullException extends RuntimeException {

    StreamsFullException() {
        super("This server holds as many status streams as it can; poll the status instead.");
    }
}
