package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.ReceivedGatewayEvent;

/** Checks a webhook's signature on the raw body and reads the event out of it. */
public interface GatewayEventVerifier {

    /** @throws InvalidWebhookException when the signature is missing, wrong or too old, or the body is malformed */
    ReceivedGatewayEvent verified(String payload, String signatureHeader);

    /**
     * Reads an event that is trusted without a signature: one verified when it was logged, or one the gateway's
     * API returned.
     *
     * @throws InvalidWebhookException when the body is malformed
     */
    ReceivedGatewayEvent trusted(String payload);

    default GatewayEvent verify(String payload, String signatureHeader) {
        return verified(payload, signatureHeader).event();
    }
}
