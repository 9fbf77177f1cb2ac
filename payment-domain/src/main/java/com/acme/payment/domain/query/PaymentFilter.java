package com.acme.payment.domain.query;

import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.TypedText;
import java.time.Instant;
import java.util.Set;

/**
 * Which payments an admin looks at, in which order; every criterion is optional (null, or no statuses for all).
 *
 * @param email    the customer's email, exactly (case-insensitive)
 * @param text     a search box: part of the customer's email or name (case-insensitive), or exactly a payment id or
 *                 transaction id
 * @param currency an ISO 4217 code
 */
public record PaymentFilter(Set<PaymentStatus> statuses, String email, String text, String currency, Instant from,
                            Instant to, boolean oldestFirst) {

    public static final int MAX_TEXT_LENGTH = 200;

    public PaymentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        TypedText.require("email", email, Customer.MAX_EMAIL_LENGTH);
        TypedText.require("q", text, MAX_TEXT_LENGTH);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be three capital letters");
        }
    }

    /** Every payment, newest first. */
    public static PaymentFilter all() {
        return new PaymentFilter(Set.of(), null, null, null, null, null, false);
    }
}
