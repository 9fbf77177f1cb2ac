package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentWatches;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells every app instance on this database that a watched payment changed: a {@code NOTIFY} sent inside the
 * transaction that stores the change, so PostgreSQL delivers it when that transaction commits and never when it
 * rolls back. {@link PostgresPaymentChangeFeed} hears it. The payload is only {@code <paymentId>:<version>}:
 * listeners read the rest, committed, from the database.
 * <p>
 * PostgreSQL makes the commits of notifying transactions wait for each other, so only changes somebody can see
 * are announced: those of payments a status stream watches (on any instance, {@link #watch}), or of every payment
 * while a console list stream watches them all ({@link #watchAll}), that have an audit entry. A new payment has no
 * watcher yet, and bookkeeping (a gateway reference, a refund reserved) shows nothing.
 */
public class PostgresPaymentNotifications implements PaymentEvents, PaymentWatches {

    static final String CHANNEL = "payment_changed";
    /** The watch row that stands for every payment: no payment id looks like this. */
    static final String ALL = "*";
    private static final String UPSERT_WATCH = """
            INSERT INTO payment_watches (payment_id, expires_at)
            VALUES (:id, now() + :millis * interval '1 millisecond')
            ON CONFLICT (payment_id) DO UPDATE
                SET expires_at = greatest(payment_watches.expires_at, excluded.expires_at)""";

    private final JdbcClient jdbc;

    public PostgresPaymentNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void publish(PaymentChanged change) {
        if (change.created() || change.changes().isEmpty()) {
            return;
        }
        // One primary-key probe for both rows, and one NOTIFY whichever of them is there.
        jdbc.sql("""
                        SELECT pg_notify(?, ?) WHERE EXISTS (
                            SELECT FROM payment_watches WHERE payment_id IN (?, ?) AND expires_at > now())""")
                .param(CHANNEL).param(payload(change.id(), change.version())).param(change.id().value()).param(ALL)
                .query((row, n) -> null).list();
    }

    /** Waits for the payment's row lock: a change that checked for watches before this one holds it. */
    @Override
    public void watch(PaymentId id, Duration period) {
        jdbc.sql("WITH watch AS (" + UPSERT_WATCH + ") SELECT 1 FROM payments WHERE payment_id = :id FOR SHARE")
                .param("id", id.value()).param("millis", period.toMillis())
                .query((row, n) -> null).list();
    }

    /** Waits for no lock, unlike {@link #watch}: there is no one row every change takes. */
    @Override
    public void watchAll(Duration period) {
        jdbc.sql(UPSERT_WATCH).param("id", ALL).param("millis", period.toMillis()).update();
    }

    @Override
    public int forgetExpired() {
        return jdbc.sql("DELETE FROM payment_watches WHERE expires_at <= now()").update();
    }

    static String payload(PaymentId id, long version) {
        return id.value() + ":" + version;
    }
}
