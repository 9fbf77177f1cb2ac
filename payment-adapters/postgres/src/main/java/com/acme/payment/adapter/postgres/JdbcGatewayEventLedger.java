package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.port.out.GatewayEventLedger;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gateway events already handled, in {@code processed_gateway_events}. */
public class JdbcGatewayEventLedger implements GatewayEventLedger {

    private final JdbcClient jdbc;

    public JdbcGatewayEventLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A concurrent insert of the same id waits for the first transaction and then reports a duplicate. */
    @Override
    public boolean recordGatewayEvent(String eventId, String eventType, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO processed_gateway_events (event_id, event_type, received_at)
                        VALUES (:eventId, :eventType, :receivedAt)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("receivedAt", ColumnValues.timestamp(receivedAt))
                .update() == 1;
    }
}
