package com.acme.payment.domain.model;

/** The event is logged but its payload is gone (past the retention), so it cannot be handled again. */
public class EventPayloadPurgedException extends PaymentException {

    public EventPayloadPurgedException(String eventId) {
        super("the payload of event " + eventId + " was purged; backfill fetches it again while the gateway keeps it");
    }
}
