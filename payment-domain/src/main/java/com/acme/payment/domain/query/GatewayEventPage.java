package com.acme.payment.domain.query;

import com.acme.payment.domain.model.LoggedGatewayEvent;
import java.util.List;

/** One page of the event log, newest first. */
public record GatewayEventPage(List<LoggedGatewayEvent> items, int page, int size, long totalItems) {

    public GatewayEventPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }
}
