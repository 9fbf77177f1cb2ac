package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** @param since the gateway's events created at or after this; at most 30 days ago */
public record BackfillRequest(@NotNull Instant since) {
}
