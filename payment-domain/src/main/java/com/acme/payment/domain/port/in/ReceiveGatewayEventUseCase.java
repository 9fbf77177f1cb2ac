package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;

/** What the gateway says happened: a webhook verified on its raw body, or what the reconciler asked it. */
public interface ReceiveGatewayEventUseCase {

    /** @throws com.acme.payment.domain.port.out.InvalidWebhookException when it must not be trusted */
    EventOutcome receive(String payload, String signatureHeader);

    /** Applies an event that needs no verification, such as the reconciler's view of an intent (no event id). */
    EventOutcome apply(GatewayEvent event, ChangeSource source);
}
