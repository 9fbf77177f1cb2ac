package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.query.PaymentFilter;
import com.acme.payment.domain.query.PaymentSearch;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside a transaction every query must give its connection back. The test database hands out a new
 * physical connection each time, so a connection left open shows up in pg_stat_activity (a pool would
 * run dry instead: the app's dispatcher polls claimDue every second).
 */
class ConnectionReleaseIT {

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
    private final JdbcPaymentRepository payments = new JdbcPaymentRepository(jdbc);
    private final JdbcPaymentQueries queries = new JdbcPaymentQueries(jdbc);
    private final JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(jdbc);
    private Payment payment;

    @BeforeEach
    void storeAPayment() {
        PostgresTestDatabase.deleteAllData();
        payment = PaymentFixtures.succeededPayment();
        payments.insert(payment);
    }

    @Test
    void list_queries_release_their_connections() {
        long before = openConnections();

        for (int i = 0; i < 20; i++) {
            outbox.claimDue(PaymentFixtures.NOW, 10, Duration.ofMinutes(1));
            queries.findDetails(payment.id());
            payments.findUnresolved(PaymentFixtures.NOW, 10);
            queries.search(new PaymentSearch(PaymentFilter.all(), 0, 10));
        }

        assertThat(openConnections()).isLessThanOrEqualTo(before + 1);
    }

    private long openConnections() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
                .query(Long.class).single();
    }
}
