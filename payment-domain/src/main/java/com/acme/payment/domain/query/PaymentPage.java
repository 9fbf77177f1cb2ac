package com.acme.payment.domain.query;

import com.acme.payment.domain.model.Payment;
import java.util.List;

/** One page of payments, newest first. */
public record PaymentPage(List<Payment> items, int page, int size, long totalItems) {

    public PaymentPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }
}
