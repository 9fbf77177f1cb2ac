package com.acme.payment.app.web.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Every field optional: an admin sets role, enabled or a new password; a user their own password. */
public record UpdateAdminUserRequest(
        @Pattern(regexp = CreateAdminUserRequest.ROLE, message = CreateAdminUserRequest.ROLE_MESSAGE) String role,
        Boolean enabled,
        @Size(min = 12, max = 72, message = CreateAdminUserRequest.PASSWORD_MESSAGE) String password,
        @Size(max = 200) String currentPassword) {

    /** Never the passwords: records print every field. */
    @Override
    public String toString() {
        return "UpdateAdminUserRequest[role=" + role + ", enabled=" + enabled + "]";
    }
}
