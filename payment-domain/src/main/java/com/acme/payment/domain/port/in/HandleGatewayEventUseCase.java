package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.ReceivedGatewayEvent;

/**
 * An event trusted without a signature (read back from the event log, or from the gateway's API), handled exactly
 * as its webhook would be: exactly once, and logged.
 */
public interface HandleGatewayEventUseCase {

    EventOutcome handle(ReceivedGatewayEvent event, ChangeSource source);
}
