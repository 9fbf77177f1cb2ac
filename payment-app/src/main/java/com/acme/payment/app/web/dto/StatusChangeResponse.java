package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Named as openapi.yaml's schema; the Java name keeps it apart from the domain's StatusChange. */
@Schema(name = "StatusChange")
public record StatusChangeResponse(String from, String to, String source, String gatewayEventId, boolean applied,
                           String detail, Instant occurredAt, String actor) {
}
