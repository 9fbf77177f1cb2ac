package com.acme.payment.domain.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * What handling an event did, as the event log keeps it. A redelivery is not an outcome of its own: it is counted
 * on the event's entry, which keeps what the first handling did.
 */
public enum LoggedEventOutcome {
    APPLIED,
    /** Out of order or not allowed from the payment's status (the webhook answer says {@code stale}). */
    NOT_APPLIED,
    /** A type the service does not act on. */
    IGNORED,
    /** No payment of ours has the event's gateway reference. */
    UNKNOWN_PAYMENT,
    /** Handling threw; nothing of it was stored, so a redelivery, replay or backfill handles it again. */
    FAILED;

    public static LoggedEventOutcome of(EventOutcome outcome) {
        return switch (outcome) {
            case APPLIED -> APPLIED;
            case STALE -> NOT_APPLIED;
            case IGNORED -> IGNORED;
            case UNKNOWN_PAYMENT -> UNKNOWN_PAYMENT;
            case DUPLICATE -> throw new IllegalArgumentException("a duplicate is counted, not logged");
        };
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LoggedEventOutcome fromApiName(String name) {
        return Arrays.stream(values()).filter(outcome -> outcome.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event outcome " + name));
    }
}
