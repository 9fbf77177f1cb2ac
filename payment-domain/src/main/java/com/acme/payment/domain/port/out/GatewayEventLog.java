package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.query.GatewayEventPage;
import com.acme.payment.domain.query.GatewayEventSearch;
import java.util.Optional;

/** The read side of the gateway event log. */
public interface GatewayEventLog {

    GatewayEventPage search(GatewayEventSearch search);

    Optional<LoggedGatewayEvent> find(String eventId);
}
