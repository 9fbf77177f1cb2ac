package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the gateway event log.
 *
 * @param paymentId     our payment the event is about, when there is one
 * @param outcome       null for events logged before the log kept outcomes
 * @param failureReason why handling failed, for {@link LoggedEventOutcome#FAILED}
 * @param payload       the event as the gateway sent it; null once purged (and for events logged before payloads were)
 * @param duplicates    redeliveries answered {@code duplicate}
 */
public record LoggedGatewayEvent(String eventId, String type, String apiVersion, Instant createdAt,
                                 Instant receivedAt, String paymentId, LoggedEventOutcome outcome,
                                 String failureReason, String payload, int duplicates) {

    /** Longest failure reason kept; an exception message can be long. */
    public static final int MAX_REASON_LENGTH = 500;

    public LoggedGatewayEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (failureReason != null && failureReason.length() > MAX_REASON_LENGTH) {
            failureReason = failureReason.substring(0, MAX_REASON_LENGTH);
        }
    }

    public static LoggedGatewayEvent handled(ReceivedGatewayEvent received, Instant receivedAt, String paymentId,
                                             LoggedEventOutcome outcome, String failureReason) {
        return new LoggedGatewayEvent(received.eventId(), received.gatewayType(), received.apiVersion(),
                received.createdAt(), receivedAt, paymentId, outcome, failureReason, received.payload(), 0);
    }
}
