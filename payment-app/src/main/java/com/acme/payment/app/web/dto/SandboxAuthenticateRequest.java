package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record SandboxAuthenticateRequest(@NotBlank String clientSecret, @NotNull Boolean approve) {
}
