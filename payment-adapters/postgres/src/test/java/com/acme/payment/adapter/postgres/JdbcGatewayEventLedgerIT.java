package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.loggedEvent;
import static com.acme.payment.domain.testing.PaymentFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.query.GatewayEventSearch;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;

class JdbcGatewayEventLedgerIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RuntimeException BUG = new IllegalStateException("bug");

    private final JdbcGatewayEventLedger log = new JdbcGatewayEventLedger(
            JdbcClient.create(PostgresTestDatabase.dataSource()));

    @Test
    void a_failed_event_is_taken_over_by_the_next_handling_but_a_handled_one_is_not() {
        String failed = newEventId();
        log.recordFailure(loggedEvent(failed, null, LoggedEventOutcome.FAILED, T0), BUG);

        assertThat(log.record(loggedEvent(failed, "pay_1", LoggedEventOutcome.APPLIED, T0.plusSeconds(60)))).isTrue();
        log.recordFailure(loggedEvent(failed, null, LoggedEventOutcome.FAILED, T0.plusSeconds(90)), BUG);
        assertThat(log.record(loggedEvent(failed, "pay_1", LoggedEventOutcome.APPLIED, T0.plusSeconds(120)))).isFalse();

        LoggedGatewayEvent entry = log.find(failed).orElseThrow();
        assertThat(entry.outcome()).isEqualTo(LoggedEventOutcome.APPLIED);
        assertThat(entry.failureReason()).isNull();
        assertThat(entry.receivedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void a_failure_that_was_the_database_being_unreachable_is_not_written_since_that_would_wait_as_long() {
        String failed = newEventId();

        log.recordFailure(loggedEvent(failed, null, LoggedEventOutcome.FAILED, T0),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        log.recordFailure(loggedEvent(failed, null, LoggedEventOutcome.FAILED, T0),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));

        assertThat(log.find(failed)).isEmpty();
    }

    @Test
    void redeliveries_are_counted_on_the_entry() {
        String eventId = newEventId();
        log.record(loggedEvent(eventId, null, LoggedEventOutcome.NOT_APPLIED, T0));

        log.recordDuplicate(eventId);
        log.recordDuplicate(eventId);

        assertThat(log.find(eventId).orElseThrow().duplicates()).isEqualTo(2);
    }

    @Test
    void purging_drops_old_payloads_and_keeps_the_entries() {
        String old = newEventId();
        String recent = newEventId();
        log.record(loggedEvent(old, null, LoggedEventOutcome.APPLIED, T0.minusSeconds(3600)));
        log.record(loggedEvent(recent, null, LoggedEventOutcome.APPLIED, T0.plusSeconds(3600)));

        while (log.purgePayloads(T0, 1) > 0) {
            // batches of one until nothing old is left
        }

        assertThat(log.find(old).orElseThrow().payload()).isNull();
        assertThat(log.find(recent).orElseThrow().payload()).contains(recent);
    }

    @Test
    void the_log_is_searched_by_payment_outcome_type_and_time_received() {
        String paymentId = "pay_" + newEventId();
        String applied = newEventId();
        String notApplied = newEventId();
        log.record(loggedEvent(applied, paymentId, LoggedEventOutcome.APPLIED, T0.plusSeconds(1)));
        log.record(loggedEvent(notApplied, paymentId, LoggedEventOutcome.NOT_APPLIED, T0.plusSeconds(2)));

        assertThat(log.search(new GatewayEventSearch(null, null, paymentId, null, null, 0, 10)).items())
                .extracting(LoggedGatewayEvent::eventId).containsExactly(notApplied, applied);
        assertThat(log.search(new GatewayEventSearch("payment_intent.succeeded", LoggedEventOutcome.APPLIED,
                paymentId, T0, T0.plusSeconds(2), 0, 10)).items())
                .extracting(LoggedGatewayEvent::eventId).containsExactly(applied);
        assertThat(log.search(new GatewayEventSearch(null, null, paymentId, null, null, 1, 1)))
                .satisfies(page -> {
                    assertThat(page.totalItems()).isEqualTo(2);
                    assertThat(page.items()).extracting(LoggedGatewayEvent::eventId).containsExactly(applied);
                });
    }
}
