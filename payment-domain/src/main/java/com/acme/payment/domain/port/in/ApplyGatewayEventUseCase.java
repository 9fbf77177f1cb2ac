package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;

/** What the gateway said by other means than a webhook, such as the reconciler's view of an intent. */
public interface ApplyGatewayEventUseCase {

    /** Applies it exactly as a webhook's event would be; one without an event id is never a duplicate. */
    EventOutcome apply(GatewayEvent event, ChangeSource source);
}
