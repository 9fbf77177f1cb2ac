package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.EventOutcome;

/** A webhook from the gateway: verified on its raw body, then applied exactly once. */
public interface ReceiveGatewayEventUseCase {

    /** @throws com.acme.payment.domain.port.out.InvalidWebhookException when it must not be trusted */
    EventOutcome receive(String payload, String signatureHeader);
}
