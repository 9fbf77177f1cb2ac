package com.acme.payment.domain.query;

import com.acme.payment.domain.model.Dispute;
import java.util.List;

/** One page of disputes, newest first. */
public record DisputePage(List<Dispute> items, int page, int size, long totalItems) {

    public DisputePage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }
}
