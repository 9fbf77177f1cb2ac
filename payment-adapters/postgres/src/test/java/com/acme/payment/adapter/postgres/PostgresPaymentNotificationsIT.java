package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StatusChange;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresPaymentNotificationsIT {

    private final PostgresPaymentNotifications notifications =
            new PostgresPaymentNotifications(JdbcClient.create(PostgresTestDatabase.dataSource()));

    private final StatusChange processing = change(PaymentStatus.PENDING, PaymentStatus.PROCESSING);

    @Test
    void announcesOnlyTheAuditedChangesOfAWatchedPayment() throws Exception {
        PaymentId watched = PaymentId.random();
        PaymentId unwatched = PaymentId.random();
        notifications.watch(watched, Duration.ofMinutes(1));

        try (Connection listener = listening()) {
            notifications.publish(new PaymentChanged(watched, 0, PaymentStatus.PENDING,
                    List.of(change(null, PaymentStatus.PENDING))));
            notifications.publish(new PaymentChanged(watched, 1, PaymentStatus.PENDING, List.of()));
            notifications.publish(new PaymentChanged(watched, 2, PaymentStatus.PROCESSING, List.of(processing)));
            notifications.publish(new PaymentChanged(unwatched, 2, PaymentStatus.PROCESSING, List.of(processing)));

            assertThat(heard(listener)).containsExactly(watched.value() + ":2");
        }
    }

    @Test
    void aWatchThatRanOutAnnouncesNothingAndIsForgotten() throws Exception {
        PaymentId id = PaymentId.random();
        notifications.watch(id, Duration.ofMillis(1));
        Thread.sleep(20);

        try (Connection listener = listening()) {
            notifications.publish(new PaymentChanged(id, 2, PaymentStatus.PROCESSING, List.of(processing)));

            assertThat(heard(listener)).isEmpty();
        }
        assertThat(notifications.forgetExpired()).isPositive();
        assertThat(JdbcClient.create(PostgresTestDatabase.dataSource())
                .sql("SELECT count(*) FROM payment_watches WHERE payment_id = ?").param(id.value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void whileEveryPaymentIsWatchedEachAuditedChangeIsAnnouncedOnceUntilThatWatchRunsOut() throws Exception {
        PaymentId watched = PaymentId.random();
        PaymentId unwatched = PaymentId.random();
        notifications.watch(watched, Duration.ofMinutes(1));
        notifications.watchAll(Duration.ofMillis(1500));

        try (Connection listener = listening()) {
            notifications.publish(new PaymentChanged(watched, 2, PaymentStatus.PROCESSING, List.of(processing)));
            notifications.publish(new PaymentChanged(unwatched, 2, PaymentStatus.PROCESSING, List.of(processing)));
            notifications.publish(new PaymentChanged(unwatched, 3, PaymentStatus.PROCESSING, List.of()));

            assertThat(heard(listener)).containsExactly(watched.value() + ":2", unwatched.value() + ":2");

            Thread.sleep(1500);
            notifications.publish(new PaymentChanged(unwatched, 4, PaymentStatus.SUCCEEDED,
                    List.of(change(PaymentStatus.PROCESSING, PaymentStatus.SUCCEEDED))));

            assertThat(heard(listener)).isEmpty();
        }
    }

    private static Connection listening() throws Exception {
        Connection listener = PostgresTestDatabase.dataSource().getConnection();
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + PostgresPaymentNotifications.CHANNEL);
        }
        return listener;
    }

    private static StatusChange change(PaymentStatus from, PaymentStatus to) {
        return new StatusChange(from, to, ChangeSource.API, null, true, "test", Instant.now());
    }

    private static List<String> heard(Connection listener) throws Exception {
        List<String> payloads = new ArrayList<>();
        PGNotification[] batch;
        while ((batch = listener.unwrap(PGConnection.class).getNotifications(500)) != null && batch.length > 0) {
            for (PGNotification notification : batch) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
