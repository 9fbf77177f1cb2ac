package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified event as the gateway wrote it: its envelope, its raw payload (kept in the event log for replay) and
 * what it means to the domain.
 *
 * @param gatewayType the gateway's own name of the type, e.g. {@code payment_intent.succeeded}
 * @param createdAt   when the gateway created the event
 */
public record ReceivedGatewayEvent(String gatewayType, String apiVersion, Instant createdAt, String payload,
                                   GatewayEvent event) {

    public ReceivedGatewayEvent {
        Objects.requireNonNull(gatewayType, "gatewayType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.eventId(), "event id");
    }

    public String eventId() {
        return event.eventId();
    }
}
