package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone who signs in to the console or the admin API. The password is kept only as its hash, in the encoder's
 * self-describing format ({@code {bcrypt}…}).
 */
public record AdminUser(String username, String passwordHash, AdminRole role, boolean enabled, Instant createdAt,
                        Instant updatedAt) {

    /** Letters, digits and {@code . _ @ -}: safe in a log line, a URL path and a header. */
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public AdminUser {
        Objects.requireNonNull(username, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 1 to 64 letters, digits or . _ @ -");
        }
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
