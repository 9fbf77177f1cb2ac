package com.acme.payment.adapter.sandbox;

import java.security.SecureRandom;

/** Ids shaped like Stripe's: a type prefix and 24 random letters and digits. */
final class SandboxIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {
    }

    /** @param prefix e.g. {@code pi_sandbox_} */
    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
