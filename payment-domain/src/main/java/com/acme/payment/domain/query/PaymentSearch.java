package com.acme.payment.domain.query;

/** Admin search: one page of the payments a filter selects; pages start at 0. */
public record PaymentSearch(PaymentFilter filter, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public PaymentSearch {
        if (filter == null) {
            throw new IllegalArgumentException("filter is required");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_PAGE_SIZE);
        }
    }
}
