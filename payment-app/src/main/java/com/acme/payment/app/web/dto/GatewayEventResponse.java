package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One entry of the gateway event log.
 *
 * @param outcome  applied, not_applied, ignored, unknown_payment or failed; null for events logged before outcomes were
 * @param payload  only in the detail, and null once purged
 */
@Schema(name = "GatewayEvent")
public record GatewayEventResponse(String eventId, String type, String apiVersion, Instant created, Instant receivedAt,
                                   String paymentId, String outcome, String failureReason, int duplicates,
                                   boolean payloadAvailable, String payload) {
}
