package com.acme.payment.domain.model;

import java.util.regex.Pattern;

/** The person paying. Name and email never leave the service except to that person and admins. */
public record Customer(String name, String email) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EMAIL_LENGTH = 254;
    // Compiled once: every payment read from the database is checked again (String.matches compiles each time).
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Customer {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new InvalidPaymentRequestException("name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (email.codePointCount(0, email.length()) > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new InvalidPaymentRequestException("email", "email must be a valid address");
        }
    }
}
