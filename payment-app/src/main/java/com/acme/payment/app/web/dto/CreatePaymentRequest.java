package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of create-intent. The domain checks what depends on the deployment or counts characters: amount and
 * currency limits, and the length and characters of name and email (TypedText).
 */
public record CreatePaymentRequest(
        @NotBlank String name,
        @NotBlank @Email String email,
        @NotBlank @Size(max = 64) String serviceType,
        @NotNull @Positive Long amount,
        @NotNull @Pattern(regexp = "^[A-Za-z]{3}$", message = "must be a three-letter ISO 4217 code")
        String currency) {
}
