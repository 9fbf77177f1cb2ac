package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotNull;

/** @param down whether the sandbox's webhook deliveries fail as if the endpoint answered 503 */
public record WebhookOutage(@NotNull Boolean down) {
}
