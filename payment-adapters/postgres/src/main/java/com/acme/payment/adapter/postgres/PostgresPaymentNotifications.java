package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.out.PaymentEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells every app instance on this database that a payment changed: a {@code NOTIFY} sent inside the transaction
 * that stores the change, so PostgreSQL delivers it when that transaction commits and never when it rolls back.
 * {@link PostgresPaymentChangeFeed} hears it. The payload is only {@code <paymentId>:<version>}: listeners read
 * the rest, committed, from the database.
 */
public class PostgresPaymentNotifications implements PaymentEvents {

    static final String CHANNEL = "payment_changed";

    private final JdbcClient jdbc;

    public PostgresPaymentNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void publish(PaymentChanged change) {
        jdbc.sql("SELECT pg_notify(?, ?)").param(CHANNEL).param(payload(change.id(), change.version()))
                .query((row, n) -> null).list();
    }

    static String payload(PaymentId id, long version) {
        return id.value() + ":" + version;
    }
}
