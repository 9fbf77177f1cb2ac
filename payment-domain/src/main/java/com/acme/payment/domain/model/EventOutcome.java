package com.acme.payment.domain.model;

/** What handling a gateway event did. Every outcome is acknowledged to the gateway. */
public enum EventOutcome {
    /** The payment changed. */
    APPLIED,
    /** Seen before (same event id): nothing changed. */
    DUPLICATE,
    /** Out of order or not allowed from the current status: written to the history as not applied. */
    STALE,
    /** An event type the service does not act on. */
    IGNORED,
    /** No payment of ours has this gateway reference; it may belong to another system on the account. */
    UNKNOWN_PAYMENT
}
