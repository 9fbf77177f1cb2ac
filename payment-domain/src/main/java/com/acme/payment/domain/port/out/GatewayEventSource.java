package com.acme.payment.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The gateway's own record of the events it sent (Stripe's Events API), for backfilling webhooks that never
 * arrived. A call over the network: never inside a database transaction.
 */
public interface GatewayEventSource {

    /** How far back the gateway keeps events. */
    Duration RETENTION = Duration.ofDays(30);

    /**
     * The payloads of the events of the types the service handles created at or after {@code since}, oldest first
     * (a refund must not come before the payment's success). Failures are
     * {@link com.acme.payment.domain.model.GatewayException}.
     */
    List<String> eventsSince(Instant since);
}
