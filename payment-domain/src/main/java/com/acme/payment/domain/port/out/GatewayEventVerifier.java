package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.GatewayEvent;

/** Checks a webhook's signature on the raw body and reads the event out of it. */
public interface GatewayEventVerifier {

    /** @throws InvalidWebhookException when the signature is missing, wrong or too old, or the body is malformed */
    GatewayEvent verify(String payload, String signatureHeader);
}
