package com.acme.payment.domain.query;

import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.TypedText;
import java.time.Instant;

/** Admin search: every criterion is optional (null); pages start at 0. */
public record PaymentSearch(PaymentStatus status, String email, Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public PaymentSearch {
        TypedText.require("email", email, Customer.MAX_EMAIL_LENGTH);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_PAGE_SIZE);
        }
    }
}
