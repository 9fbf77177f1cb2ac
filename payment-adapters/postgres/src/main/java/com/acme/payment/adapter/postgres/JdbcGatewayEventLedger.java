package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.GatewayEventLog;
import com.acme.payment.domain.query.GatewayEventPage;
import com.acme.payment.domain.query.GatewayEventSearch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The gateway event log in {@code processed_gateway_events}: one row per event id. */
public class JdbcGatewayEventLedger implements GatewayEventLedger, GatewayEventLog {

    private static final String INSERT = """
            INSERT INTO processed_gateway_events AS logged (event_id, event_type, api_version, created_at, received_at,
                payment_id, outcome, failure_reason, payload)
            VALUES (:eventId, :type, :apiVersion, :createdAt, :receivedAt, :paymentId, :outcome, :failureReason, :payload)
            ON CONFLICT (event_id) DO UPDATE SET event_type = EXCLUDED.event_type, api_version = EXCLUDED.api_version,
                created_at = EXCLUDED.created_at, received_at = EXCLUDED.received_at, payment_id = EXCLUDED.payment_id,
                outcome = EXCLUDED.outcome, failure_reason = EXCLUDED.failure_reason, payload = EXCLUDED.payload
            WHERE logged.outcome = 'failed'
            """;

    private static final String COLUMNS = "event_id, event_type, api_version, created_at, received_at, payment_id,"
            + " outcome, failure_reason, payload, duplicates";

    private final JdbcClient jdbc;

    public JdbcGatewayEventLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement: a new event is inserted, a failed one taken over, a handled one left alone (no row counted). A
     * concurrent insert of the same id waits for the first transaction and then counts no row.
     */
    @Override
    public boolean record(LoggedGatewayEvent event) {
        return insert(event) == 1;
    }

    /** A failure never replaces what a concurrent delivery handled: only a new or failed row is written. */
    @Override
    public void recordFailure(LoggedGatewayEvent event, RuntimeException cause) {
        if (!PostgresErrors.unreachable(cause)) {
            insert(event);
        }
    }

    private int insert(LoggedGatewayEvent event) {
        return jdbc.sql(INSERT)
                .param("eventId", event.eventId())
                .param("type", event.type())
                .param("apiVersion", event.apiVersion())
                .param("createdAt", ColumnValues.timestamp(event.createdAt()))
                .param("receivedAt", ColumnValues.timestamp(event.receivedAt()))
                .param("paymentId", event.paymentId())
                .param("outcome", event.outcome().apiName())
                .param("failureReason", event.failureReason())
                .param("payload", event.payload())
                .update();
    }

    @Override
    public void recordDuplicate(String eventId) {
        jdbc.sql("UPDATE processed_gateway_events SET duplicates = duplicates + 1 WHERE event_id = :eventId")
                .param("eventId", eventId)
                .update();
    }

    @Override
    public int purgePayloads(Instant cutoff, int limit) {
        return jdbc.sql("""
                        UPDATE processed_gateway_events SET payload = NULL
                        WHERE event_id IN (SELECT event_id FROM processed_gateway_events
                                           WHERE received_at < :cutoff AND payload IS NOT NULL LIMIT :limit)
                        """)
                .param("cutoff", ColumnValues.timestamp(cutoff))
                .param("limit", limit)
                .update();
    }

    @Override
    public GatewayEventPage search(GatewayEventSearch search) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        condition(conditions, params, "event_type = :type", "type", search.type());
        condition(conditions, params, "outcome = :outcome", "outcome",
                search.outcome() == null ? null : search.outcome().apiName());
        condition(conditions, params, "payment_id = :paymentId", "paymentId", search.paymentId());
        condition(conditions, params, "received_at >= :from", "from", ColumnValues.timestamp(search.from()));
        condition(conditions, params, "received_at < :to", "to", ColumnValues.timestamp(search.to()));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT count(*) FROM processed_gateway_events" + where).params(params)
                .query(Long.class).single();
        List<LoggedGatewayEvent> items = jdbc.sql("SELECT " + COLUMNS + " FROM processed_gateway_events" + where
                        + " ORDER BY received_at DESC, event_id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((row, number) -> read(row))
                .list();
        return new GatewayEventPage(items, search.page(), search.size(), total);
    }

    @Override
    public Optional<LoggedGatewayEvent> find(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM processed_gateway_events WHERE event_id = :eventId")
                .param("eventId", eventId)
                .query((row, number) -> read(row))
                .optional();
    }

    private static void condition(List<String> conditions, Map<String, Object> params, String sql, String name,
                                  Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }

    /** Rows logged before changeset 009 have no outcome (nor payload). */
    private static LoggedGatewayEvent read(ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        return new LoggedGatewayEvent(row.getString("event_id"), row.getString("event_type"),
                row.getString("api_version"), ColumnValues.instant(row, "created_at"),
                ColumnValues.instant(row, "received_at"), row.getString("payment_id"),
                outcome == null ? null : LoggedEventOutcome.fromApiName(outcome),
                row.getString("failure_reason"), row.getString("payload"), row.getInt("duplicates"));
    }
}
