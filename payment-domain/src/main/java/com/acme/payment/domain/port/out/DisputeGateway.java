package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.GatewayDispute;

/**
 * The merchant's answers to a dispute, at the gateway. Calls go over the network: never inside a database
 * transaction. Failures are {@link com.acme.payment.domain.model.GatewayException}. The same idempotency key never
 * does a thing twice.
 */
public interface DisputeGateway {

    /** Saves the evidence; with {@code submit} it goes to the bank and the merchant cannot change it any more. */
    GatewayDispute updateEvidence(String disputeId, DisputeEvidence evidence, boolean submit, String idempotencyKey);

    /** Accepts the loss. */
    GatewayDispute close(String disputeId, String idempotencyKey);
}
