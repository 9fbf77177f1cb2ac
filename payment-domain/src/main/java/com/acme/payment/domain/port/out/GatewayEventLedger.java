package com.acme.payment.domain.port.out;

import java.time.Instant;

/** The gateway events already handled, so that a redelivery changes nothing. */
public interface GatewayEventLedger {

    /**
     * Remembers that a gateway event was handled. Must run in the transaction that applies it.
     *
     * @return false when the event id was already recorded (a duplicate delivery)
     */
    boolean recordGatewayEvent(String eventId, String eventType, Instant receivedAt);
}
