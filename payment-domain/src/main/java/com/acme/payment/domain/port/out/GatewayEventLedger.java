package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.LoggedGatewayEvent;
import java.time.Instant;

/** The gateway event log: every verified event with what handling it did, so that a redelivery changes nothing. */
public interface GatewayEventLedger {

    /**
     * Logs a handled event. Must run in the transaction that applies it; an entry whose handling failed is taken
     * over, since nothing of that handling was stored.
     *
     * @return false when the event id was already handled (a duplicate delivery)
     */
    boolean record(LoggedGatewayEvent event);

    /**
     * Logs that handling failed with {@code cause}, in a transaction of its own; never overwrites an event that was
     * handled. Skipped when the cause is this log's own store being unreachable: the write would wait as long, and
     * fail too, and the caller's error would reach the gateway that much later.
     */
    void recordFailure(LoggedGatewayEvent event, RuntimeException cause);

    /** Counts a redelivery of an event already handled. */
    void recordDuplicate(String eventId);

    /** Drops the payloads of events received before {@code cutoff}, at most {@code limit}; the entries stay. */
    int purgePayloads(Instant cutoff, int limit);
}
