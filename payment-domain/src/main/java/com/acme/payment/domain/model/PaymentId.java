package com.acme.payment.domain.model;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** Public payment id: {@code pay_} and 128 random bits, URL-safe. Never a sequence or a time. */
public record PaymentId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("pay_[A-Za-z0-9_-]{22}");

    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a payment id: " + value);
        }
    }

    public static PaymentId random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new PaymentId("pay_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
