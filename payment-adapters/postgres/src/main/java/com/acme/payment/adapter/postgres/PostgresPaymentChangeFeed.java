package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.model.PaymentId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes {@link PostgresPaymentNotifications} announces, from every instance on this database: one
 * {@code LISTEN} connection of its own, outside the pool (a pool would hand a connection that broke under
 * {@code getNotifications} to the next request), read by one thread. When that connection is lost it reconnects
 * with backoff and then calls {@link Subscriber#resubscribed()}: notifications sent while it was away are gone,
 * so the subscriber re-reads what it watches. Every {@value #CHECK_SECONDS} s without a notification it checks the
 * connection with a query, so a silently dead one is found too.
 */
public class PostgresPaymentChangeFeed implements AutoCloseable {

    /** Who hears the changes, on the feed's thread: must be quick. */
    public interface Subscriber {

        void changed(PaymentId id, long version);

        void resubscribed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(PostgresPaymentChangeFeed.class);
    /** What pg_stat_activity shows as its application_name. */
    public static final String APPLICATION_NAME = "payment-change-feed";
    private static final int POLL_MILLIS = 500;
    private static final int CHECK_SECONDS = 10;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final Properties connectionProperties = new Properties();
    private final Subscriber subscriber;
    private final Thread thread;
    private volatile boolean running = true;

    public PostgresPaymentChangeFeed(String jdbcUrl, String username, String password, Subscriber subscriber) {
        this.jdbcUrl = jdbcUrl;
        if (username != null) {
            connectionProperties.setProperty("user", username);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("socketTimeout", Integer.toString(CHECK_SECONDS));
        connectionProperties.setProperty("tcpKeepAlive", "true");
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
            try (Connection connection = DriverManager.getConnection(jdbcUrl, connectionProperties)) {
                execute(connection, "LISTEN " + PostgresPaymentNotifications.CHANNEL);
                if (lost) {
                    LOG.info("listening for payment changes again");
                    subscriber.resubscribed();
                }
                backoffMillis = 100;
                listen(connection);
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

    private void listen(Connection connection) throws SQLException {
        PGConnection listening = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = listening.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    hear(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > CHECK_SECONDS * 1_000_000_000L) {
                execute(connection, "SELECT 1");
                lastHeard = System.nanoTime();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
