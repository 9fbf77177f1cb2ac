package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record SandboxConfirmRequest(
        @NotBlank String clientSecret,
        @NotBlank @Pattern(regexp = "^[0-9 ]{12,23}$", message = "must be a card number") String cardNumber,
        @NotBlank @Pattern(regexp = "^(0[1-9]|1[0-2])/[0-9]{2}$", message = "must be MM/YY") String expiry,
        @NotBlank @Pattern(regexp = "^[0-9]{3,4}$", message = "must be 3 or 4 digits") String cvc) {
}
