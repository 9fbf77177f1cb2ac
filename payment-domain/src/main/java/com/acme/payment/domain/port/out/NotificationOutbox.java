package com.acme.payment.domain.port.out;

import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The transactional outbox of notifications, stored beside the payments. */
public interface NotificationOutbox {

    /**
     * Queues a notification in the caller's transaction.
     *
     * @return false when the same (payment, kind, event key) is already queued
     */
    boolean enqueue(Notification notification, Instant now);

    /**
     * How many notifications of this kind were queued for this recipient (case-insensitively) since {@code since}.
     * Locks that recipient and kind until the caller's transaction ends, so that counting and then queuing is one
     * decision across app instances.
     */
    long countQueuedSince(NotificationKind kind, String recipient, Instant since);

    /**
     * Claims due messages for one sender: each is leased until {@code now + lease}, so no other instance
     * takes it meanwhile. Commits on its own; sending happens after.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, Duration lease);

    void markSent(long id, Instant now);

    /** The attempt failed; try again at {@code nextAttemptAt}. */
    void markFailed(long id, String error, Instant nextAttemptAt);

    /** Given up after too many attempts; kept with its last error for a person to look at. */
    void markDead(long id, String error);

    /** Messages waiting to be sent. */
    long backlog();
}
