package com.acme.payment.domain.service;

import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.port.in.DispatchNotificationsUseCase;
import com.acme.payment.domain.port.out.NotificationOutbox;
import com.acme.payment.domain.port.out.NotificationSender;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends due outbox messages outside any payment transaction. A failed send is retried with exponential
 * backoff; after {@code maxAttempts} the message is marked dead with its last error.
 */
public class DispatchNotificationsService implements DispatchNotificationsUseCase {

    private static final Logger LOG = System.getLogger(DispatchNotificationsService.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final NotificationOutbox outbox;
    private final NotificationSender sender;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration lease;

    public DispatchNotificationsService(NotificationOutbox outbox, NotificationSender sender, Clock clock,
                                        int batchSize, int maxAttempts, Duration firstBackoff, Duration lease) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.lease = lease;
    }

    @Override
    public int dispatchDue() {
        int sent = 0;
        for (OutboxMessage message : outbox.claimDue(clock.instant(), batchSize, lease)) {
            try {
                sender.send(message);
                outbox.markSent(message.id(), clock.instant());
                sent++;
            } catch (RuntimeException failure) {
                String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                if (message.attempts() >= maxAttempts) {
                    outbox.markDead(message.id(), error);
                    LOG.log(Level.ERROR, "gave up on notification " + message.id() + " after "
                            + message.attempts() + " attempts: " + error);
                } else {
                    outbox.markFailed(message.id(), error, clock.instant().plus(backoff(message.attempts())));
                    LOG.log(Level.WARNING, "notification " + message.id() + " failed (attempt "
                            + message.attempts() + "), will retry: " + error);
                }
            }
        }
        return sent;
    }

    /** firstBackoff, doubled for each failed attempt, capped at an hour. */
    Duration backoff(int attempts) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }
}
