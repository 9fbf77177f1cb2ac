package com.acme.payment.app.web.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** @param outcome what handling the event again did: {@code duplicate} for one that was handled */
@Schema(name = "ReplayResult")
public record ReplayResponse(String eventId, String outcome) {
}
