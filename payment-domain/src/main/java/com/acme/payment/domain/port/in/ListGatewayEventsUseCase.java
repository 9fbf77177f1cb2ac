package com.acme.payment.domain.port.in;

import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.query.GatewayEventPage;
import com.acme.payment.domain.query.GatewayEventSearch;

/** The gateway event log, for the back office. */
public interface ListGatewayEventsUseCase {

    GatewayEventPage list(GatewayEventSearch search);

    /** @throws com.acme.payment.domain.model.GatewayEventNotFoundException for an id never logged */
    LoggedGatewayEvent get(String eventId);
}
