package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.EventOutcome;

/** Handles a logged event's payload again, through the same exactly-once path as its webhook. */
public interface ReplayGatewayEventUseCase {

    /**
     * @return {@link EventOutcome#DUPLICATE} for an event that was handled; what handling does now for one that failed
     * @throws com.acme.payment.domain.model.GatewayEventNotFoundException  for an id never logged
     * @throws com.acme.payment.domain.model.EventPayloadPurgedException   when its payload is gone
     */
    EventOutcome replay(String eventId);
}
