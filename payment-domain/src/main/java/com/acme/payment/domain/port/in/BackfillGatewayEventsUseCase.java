package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.ChangeSource;
import java.time.Instant;

/** Fetches the gateway's events since a time and handles each exactly once: webhooks that never arrived. */
public interface BackfillGatewayEventsUseCase {

    /**
     * @param since at most {@link com.acme.payment.domain.port.out.GatewayEventSource#RETENTION} ago, not in the future
     * @throws com.acme.payment.domain.model.InvalidPaymentRequestException naming {@code since} otherwise
     */
    Report backfill(Instant since, ChangeSource source);

    /** @param ignored unhandled types and events for payments that are not ours */
    record Report(int seen, int applied, int duplicate, int notApplied, int ignored, int failed) {
    }
}
