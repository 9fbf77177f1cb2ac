package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.PaymentId;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

class LiquibaseChangelogIT {

    private static final String VALID_PAYMENT_COLUMNS = "payment_id, customer_name, customer_email, service_type, "
            + "amount, currency, status, gateway, refunded_amount, refund_reserved_amount, created_at, updated_at";

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());

    @BeforeEach
    void startFromAnEmptyDatabase() {
        PostgresTestDatabase.deleteAllData();
    }

    @Test
    void createsEveryTableInAnEmptyDatabaseAndAppliesAgainAsANoOp() throws Exception {
        DataSource empty = PostgresTestDatabase.createEmptyDatabase();
        JdbcClient emptyJdbc = JdbcClient.create(empty);

        LiquibaseMigrator.migrate(empty);
        long changeSets = countChangeSets(emptyJdbc);
        LiquibaseMigrator.migrate(empty);
        // Spring Boot's integration, pointed at its default location, must see the same change sets as applied.
        SpringLiquibase asSpringBootRunsIt = new SpringLiquibase();
        asSpringBootRunsIt.setDataSource(empty);
        asSpringBootRunsIt.setChangeLog("classpath:/" + PostgresSchema.CHANGELOG);
        asSpringBootRunsIt.setResourceLoader(new DefaultResourceLoader());
        asSpringBootRunsIt.afterPropertiesSet();

        assertThat(emptyJdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'
                """).query(String.class).list())
                .containsExactlyInAnyOrder("payments", "payment_status_history", "processed_gateway_events",
                        "refunds", "notification_outbox", "rate_limit_buckets", "disputes", "payment_watches",
                        "admin_users", "spring_session", "spring_session_attributes");
        assertThat(changeSets).isEqualTo(declaredChangeSets());
        assertThat(countChangeSets(emptyJdbc)).isEqualTo(changeSets);
    }

    @Test
    void acceptsAValidPayment() {
        insertPayment(1250, "pending", 0);

        assertThat(jdbc.sql("SELECT count(*) FROM payments").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rejectsAPaymentOfZero() {
        assertThatThrownBy(() -> insertPayment(0, "pending", 0))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_amount_positive");
    }

    @Test
    void rejectsAnUnknownPaymentStatus() {
        assertThatThrownBy(() -> insertPayment(1250, "paid", 0))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payments_status_known");
        assertThatThrownBy(() -> insertPayment(1250, "SUCCEEDED", 0))
                .hasMessageContaining("payments_status_known");
    }

    @Test
    void rejectsARefundedAmountOutsideTheAmount() {
        assertThatThrownBy(() -> insertPayment(1250, "refunded", 1251))
                .hasMessageContaining("payments_refunded_within_amount");
        assertThatThrownBy(() -> insertPayment(1250, "refunded", -1))
                .hasMessageContaining("payments_refunded_within_amount");
    }

    @Test
    void rejectsUnknownHistorySourcesRefundStatusesAndOutboxStatuses() {
        String paymentId = insertPayment(1250, "succeeded", 0);

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO payment_status_history (payment_id, to_status, source, applied, occurred_at)
                VALUES (?, 'succeeded', 'cron', true, now())
                """).param(paymentId).update())
                .hasMessageContaining("payment_status_history_source_known");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO refunds (refund_id, payment_id, amount, status, created_at, updated_at)
                VALUES ('rf_1', ?, 100, 'done', now(), now())
                """).param(paymentId).update())
                .hasMessageContaining("refunds_status_known");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO refunds (refund_id, payment_id, amount, status, created_at, updated_at)
                VALUES ('rf_2', ?, 0, 'pending', now(), now())
                """).param(paymentId).update())
                .hasMessageContaining("refunds_amount_positive");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO notification_outbox (payment_id, kind, event_key, recipient, status, next_attempt_at,
                                                 created_at)
                VALUES (?, 'receipt', 'k', 'a@example.com', 'queued', now(), now())
                """).param(paymentId).update())
                .hasMessageContaining("notification_outbox_status_known");
    }

    @Test
    void rejectsAnUnknownDisputeStatusAndNegativeFunds() {
        String paymentId = insertPayment(1250, "succeeded", 0);

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO disputes (dispute_id, payment_id, amount, currency, status, state_reported_at, created_at,
                                      updated_at)
                VALUES ('dp_1', ?, 1250, 'USD', 'reopened', now(), now(), now())
                """).param(paymentId).update())
                .hasMessageContaining("disputes_status_known");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO disputes (dispute_id, payment_id, amount, currency, status, funds_withdrawn,
                                      state_reported_at, created_at, updated_at)
                VALUES ('dp_2', ?, 1250, 'USD', 'lost', -1, now(), now(), now())
                """).param(paymentId).update())
                .hasMessageContaining("disputes_funds_not_negative");
    }

    private String insertPayment(long amount, String status, long refundedAmount) {
        String paymentId = PaymentId.random().value();
        jdbc.sql("INSERT INTO payments (" + VALID_PAYMENT_COLUMNS + ")"
                        + " VALUES (?, 'Ada', 'ada@example.com', 'pon-ftth', ?, 'USD', ?, 'sandbox', ?, 0, now(), now())")
                .params(paymentId, amount, status, refundedAmount)
                .update();
        return paymentId;
    }

    private static long countChangeSets(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single();
    }

    /** The change sets the files that the master changelog includes declare. */
    private static long declaredChangeSets() throws Exception {
        long declared = 0;
        for (String file : read(PostgresSchema.CHANGELOG).lines().map(String::strip)
                .filter(line -> line.startsWith("file:")).map(line -> line.substring(5).strip()).toList()) {
            declared += read("db/changelog/" + file).lines().filter(line -> line.startsWith("--changeset")).count();
        }
        return declared;
    }

    private static String read(String resource) throws Exception {
        try (var in = LiquibaseChangelogIT.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
