package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateAdminUserRequest(
        @NotNull @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
        @NotNull @Size(min = 12, max = 72, message = PASSWORD_MESSAGE) String password,
        @NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {

    public static final String USERNAME = "[A-Za-z0-9._@-]{1,64}";
    public static final String USERNAME_MESSAGE = "must be 1 to 64 letters, digits or . _ @ -";
    public static final String PASSWORD_MESSAGE = "must be 12 to 72 characters";
    public static final String ROLE = "viewer|operator|admin";
    public static final String ROLE_MESSAGE = "must be viewer, operator or admin";

    /** Never the password: records print every field. */
    @Override
    public String toString() {
        return "CreateAdminUserRequest[username=" + username + ", role=" + role + "]";
    }
}
