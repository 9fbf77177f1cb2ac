package com.acme.payment.adapter.email;

import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.out.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The outbox contract kept in memory: unique (payment, kind, event key), due times, leases and attempts. */
final class InMemoryNotificationOutbox implements NotificationOutbox {

    enum State { PENDING, SENT, DEAD }

    static final class Row {
        final long id;
        final Notification notification;
        final Instant enqueuedAt;
        State state = State.PENDING;
        int attempts;
        Instant availableAt;
        String lastError;
        Instant sentAt;

        Row(long id, Notification notification, Instant enqueuedAt) {
            this.id = id;
            this.notification = notification;
            this.enqueuedAt = enqueuedAt;
            this.availableAt = enqueuedAt;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public synchronized boolean enqueue(Notification notification, Instant now) {
        boolean queued = rows.stream().map(row -> row.notification).anyMatch(existing ->
                existing.paymentId().equals(notification.paymentId()) && existing.kind() == notification.kind()
                        && existing.eventKey().equals(notification.eventKey()));
        if (queued) {
            return false;
        }
        rows.add(new Row(rows.size() + 1L, notification, now));
        return true;
    }

    @Override
    public synchronized long countQueuedSince(NotificationKind kind, String recipient, Instant since) {
        return rows.stream().filter(row -> row.notification.kind() == kind && !row.enqueuedAt.isBefore(since)
                && row.notification.recipient().equalsIgnoreCase(recipient)).count();
    }

    @Override
    public synchronized List<OutboxMessage> claimDue(Instant now, int limit, Duration lease) {
        List<OutboxMessage> claimed = new ArrayList<>();
        for (Row row : rows) {
            if (claimed.size() == limit) {
                break;
            }
            if (row.state == State.PENDING && !row.availableAt.isAfter(now)) {
                row.attempts++;
                row.availableAt = now.plus(lease);
                claimed.add(new OutboxMessage(row.id, row.notification, row.attempts));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(long id, Instant now) {
        Row row = row(id);
        row.state = State.SENT;
        row.sentAt = now;
    }

    @Override
    public synchronized void markFailed(long id, String error, Instant nextAttemptAt) {
        Row row = row(id);
        row.lastError = error;
        row.availableAt = nextAttemptAt;
    }

    @Override
    public synchronized void markDead(long id, String error) {
        Row row = row(id);
        row.state = State.DEAD;
        row.lastError = error;
    }

    @Override
    public synchronized long backlog() {
        return rows.stream().filter(row -> row.state == State.PENDING).count();
    }

    synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    synchronized Row only() {
        if (rows.size() != 1) {
            throw new AssertionError("expected one queued notification, found " + rows.size());
        }
        return rows.get(0);
    }

    private Row row(long id) {
        return rows.stream().filter(row -> row.id == id).findFirst()
                .orElseThrow(() -> new AssertionError("no outbox row " + id));
    }
}
