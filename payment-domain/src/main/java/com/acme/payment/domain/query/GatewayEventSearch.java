package com.acme.payment.domain.query;

import com.acme.payment.domain.model.LoggedEventOutcome;
import java.time.Instant;

/** Admin search of the event log by time received: every criterion is optional (null); pages start at 0. */
public record GatewayEventSearch(String type, LoggedEventOutcome outcome, String paymentId, Instant from, Instant to,
                                 int page, int size) {

    public GatewayEventSearch {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > PaymentSearch.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + PaymentSearch.MAX_PAGE_SIZE);
        }
    }
}
