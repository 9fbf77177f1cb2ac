package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.out.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification outbox in {@code notification_outbox}. Queuing joins the caller's transaction, so a notice
 * exists exactly when the payment change that caused it was committed. Claiming leases rows with
 * {@code FOR UPDATE SKIP LOCKED}, so several app instances can dispatch at once without sending a message twice.
 */
public class JdbcNotificationOutbox implements NotificationOutbox {

    private static final OutboxRowMapper MAPPER = OutboxRowMapper.INSTANCE;

    private final JdbcClient jdbc;

    public JdbcNotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean enqueue(Notification notification, Instant now) {
        OutboxRow row = MAPPER.toRow(notification);
        return jdbc.sql("""
                        INSERT INTO notification_outbox
                               (payment_id, kind, event_key, recipient, data, status, attempts, next_attempt_at, created_at)
                        VALUES (:paymentId, :kind, :eventKey, :recipient, CAST(:data AS jsonb), 'pending', 0, :now, :now)
                        ON CONFLICT (payment_id, kind, event_key) DO NOTHING
                        """)
                .param("paymentId", row.paymentId())
                .param("kind", row.kind())
                .param("eventKey", row.eventKey())
                .param("recipient", row.recipient())
                .param("data", row.data())
                .param("now", ColumnValues.timestamp(now))
                .update() == 1;
    }

    /**
     * Two statements: under READ COMMITTED each sees what was committed when it began, so the count, begun after
     * the lock is held, sees every notice that a transaction holding the lock before queued and committed.
     */
    @Override
    public long countQueuedSince(NotificationKind kind, String recipient, Instant since) {
        String storedKind = MAPPER.kind(kind);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:kind), hashtext(lower(:recipient)))")
                .param("kind", storedKind)
                .param("recipient", recipient)
                .query((row, number) -> 1)
                .single();
        return jdbc.sql("""
                        SELECT count(*) FROM notification_outbox
                         WHERE lower(recipient) = lower(:recipient) AND kind = :kind AND created_at >= :since
                        """)
                .param("recipient", recipient)
                .param("kind", storedKind)
                .param("since", ColumnValues.timestamp(since))
                .query(Long.class)
                .single();
    }

    /**
     * One statement: rows another claimer holds are skipped rather than waited for, and a row whose lease has not
     * run out is not due. Outside a transaction it commits on its own, so the lease is visible at once.
     */
    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE notification_outbox
                           SET locked_until = :lockedUntil, attempts = attempts + 1
                         WHERE id IN (SELECT id
                                        FROM notification_outbox
                                       WHERE status = 'pending'
                                         AND next_attempt_at <= :now
                                         AND (locked_until IS NULL OR locked_until <= :now)
                                       ORDER BY id
                                       LIMIT :limit
                                         FOR UPDATE SKIP LOCKED)
                        RETURNING %s
                        """.formatted(OutboxRow.COLUMNS))
                .param("lockedUntil", ColumnValues.timestamp(now.plus(lease)))
                .param("now", ColumnValues.timestamp(now))
                .param("limit", limit)
                .query(OutboxRow::read)
                .list()
                .stream()
                .sorted(Comparator.comparingLong(OutboxRow::id))
                .map(MAPPER::toMessage)
                .toList();
    }

    @Override
    public void markSent(long id, Instant now) {
        requireOne(id, jdbc.sql("""
                        UPDATE notification_outbox SET status = 'sent', sent_at = :now, locked_until = NULL
                         WHERE id = :id
                        """)
                .param("now", ColumnValues.timestamp(now))
                .param("id", id)
                .update());
    }

    /** Stays pending for another attempt at {@code nextAttemptAt}; the lease ends now. */
    @Override
    public void markFailed(long id, String error, Instant nextAttemptAt) {
        requireOne(id, jdbc.sql("""
                        UPDATE notification_outbox
                           SET last_error = :error, next_attempt_at = :nextAttemptAt, locked_until = NULL
                         WHERE id = :id
                        """)
                .param("error", error)
                .param("nextAttemptAt", ColumnValues.timestamp(nextAttemptAt))
                .param("id", id)
                .update());
    }

    @Override
    public void markDead(long id, String error) {
        requireOne(id, jdbc.sql("""
                        UPDATE notification_outbox SET status = 'dead', last_error = :error, locked_until = NULL
                         WHERE id = :id
                        """)
                .param("error", error)
                .param("id", id)
                .update());
    }

    @Override
    public long backlog() {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = 'pending'")
                .query(Long.class)
                .single();
    }

    private static void requireOne(long id, int updated) {
        if (updated == 0) {
            throw new IllegalArgumentException("no outbox message " + id);
        }
    }
}
