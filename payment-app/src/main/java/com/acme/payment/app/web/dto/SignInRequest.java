package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignInRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {

    /** Never the password: records print every field. */
    @Override
    public String toString() {
        return "SignInRequest[username=" + username + "]";
    }
}
