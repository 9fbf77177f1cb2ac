package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.PaymentId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes {@link PostgresPaymentNotifications} announces, from every instance on this database: one
 * {@code LISTEN} connection of its own (taken from the pool and kept), read by one thread. When that connection
 * is lost it reconnects with backoff and then calls {@link Subscriber#resubscribed()}: notifications sent while
 * it was away are gone, so the subscriber re-reads what it watches.
 */
public class PostgresPaymentChangeFeed implements AutoCloseable {

    /** Who hears the changes, on the feed's thread: must be quick. */
    public interface Subscriber {

        void changed(PaymentId id, long version);

        void resubscribed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PostgresPaymentChangeFeed.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile boolean running = true;

    public PostgresPaymentChangeFeed(DataSource dataSource, Subscriber subscriber) {
        this.dataSource = dataSource;
        this.subscriber = subscriber;
        this.thread = new Thread(this::run, "payment-change-feed");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        long backoffMillis = 100;
        boolean lost = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PostgresPaymentNotifications.CHANNEL);
                }
                if (lost) {
                    LOG.info("listening for payment changes again");
                    subscriber.resubscribed();
                }
                backoffMillis = 100;
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException failure) {
                if (!running) {
                    return;
                }
                lost = true;
                LOG.warn("lost the connection that listens for payment changes; retrying in {} ms: {}", backoffMillis,
                        failure.toString());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                hear(notification.getParameter());
            }
        }
    }

    private void hear(String payload) {
        int colon = payload.lastIndexOf(':');
        try {
            subscriber.changed(new PaymentId(payload.substring(0, Math.max(colon, 0))),
                    Long.parseLong(payload.substring(colon + 1)));
        } catch (IllegalArgumentException notOurs) {
            LOG.warn("ignored a notification that names no payment change: {}", payload);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
