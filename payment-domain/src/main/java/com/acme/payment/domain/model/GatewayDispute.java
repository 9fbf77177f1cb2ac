package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A dispute as the gateway reports it, in an event or in the answer to a call.
 *
 * @param fundsWithdrawn  whether the disputed amount has been taken from the balance
 * @param fundsReinstated whether it has been given back (the dispute was won)
 */
public record GatewayDispute(
        String disputeId,
        String paymentReference,
        long amount,
        String currency,
        String reason,
        DisputeStatus status,
        Instant evidenceDueBy,
        boolean fundsWithdrawn,
        boolean fundsReinstated) {

    public GatewayDispute {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
    }
}
