package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.in.HandleGatewayEventUseCase;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies gateway events exactly once: the event is logged (id, outcome, payload) in the same transaction as the
 * change it makes, so a redelivery (even a concurrent one) finds it and changes nothing.
 */
public class GatewayEventService implements ReceiveGatewayEventUseCase, HandleGatewayEventUseCase,
        ApplyGatewayEventUseCase {

    private static final Logger LOG = System.getLogger(GatewayEventService.class.getName());

    private final GatewayEventVerifier verifier;
    private final PaymentRepository repository;
    private final GatewayEventLedger handledEvents;
    private final PaymentTransactions transactions;
    private final PaymentNotifications notifications;
    private final DisputeChanges disputes;
    private final RefundLedger refunds;
    private final RefundOutcomes refundOutcomes;
    private final Clock clock;

    public GatewayEventService(GatewayEventVerifier verifier, PaymentRepository repository,
                               GatewayEventLedger handledEvents, TransactionRunner transactions, PaymentEvents events,
                               PaymentNotifier notifier, DisputeStore disputeStore, Clock clock,
                               RefundLedger refunds) {
        this.verifier = verifier;
        this.repository = repository;
        this.handledEvents = handledEvents;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.notifications = new PaymentNotifications(notifier);
        this.disputes = new DisputeChanges(disputeStore, notifier, clock);
        this.refunds = refunds;
        this.refundOutcomes = new RefundOutcomes(refunds, this.transactions, notifier, clock);
        this.clock = clock;
    }

    @Override
    public EventOutcome receive(String payload, String signatureHeader) {
        return handle(verifier.verified(payload, signatureHeader), ChangeSource.WEBHOOK);
    }

    /**
     * Handles a verified event exactly once and logs it with its payload. When handling throws, nothing of it is
     * stored; the failure is logged (in a transaction of its own) and the exception goes on, so a webhook is retried.
     */
    @Override
    public EventOutcome handle(ReceivedGatewayEvent received, ChangeSource source) {
        try {
            return apply(received.event(), received, source);
        } catch (RuntimeException e) {
            recordFailure(received, e);
            throw e;
        }
    }

    @Override
    public EventOutcome apply(GatewayEvent event, ChangeSource source) {
        return apply(event, null, source);
    }

    private EventOutcome apply(GatewayEvent event, ReceivedGatewayEvent received, ChangeSource source) {
        if (event.type() == GatewayEventType.UNHANDLED) {
            return received == null ? EventOutcome.IGNORED : logOnly(received, EventOutcome.IGNORED);
        }
        EventOutcome outcome = transactions.retryingStale(() -> applyOnce(event, received, source));
        if (outcome == EventOutcome.DUPLICATE) {
            handledEvents.recordDuplicate(event.eventId());
        } else if (outcome == EventOutcome.UNKNOWN_PAYMENT) {
            LOG.log(Level.WARNING, "gateway event {0} ({1}) is for {2}, which is not one of our payments",
                    event.eventId(), event.type(), event.paymentReference());
        }
        return outcome;
    }

    /**
     * The outcome is worked out on the loaded payment first, so that the event is logged with it in one insert; the
     * payment is stored only when that insert finds the event new. A concurrent delivery of the same event waits on
     * the insert and then finds it logged.
     */
    private EventOutcome applyOnce(GatewayEvent event, ReceivedGatewayEvent received, ChangeSource source) {
        Instant now = clock.instant();
        Optional<Payment> found = paymentOf(event);
        Change change = found.map(payment -> change(payment, event, source, now))
                .orElse(new Change(EventOutcome.UNKNOWN_PAYMENT, () -> { }));
        // A refund failure already applied is repeated by this event: logged as not applied, answered duplicate.
        LoggedEventOutcome logged = LoggedEventOutcome.of(
                change.outcome() == EventOutcome.DUPLICATE ? EventOutcome.STALE : change.outcome());
        if (event.eventId() != null && !handledEvents.record(entry(event, received, now,
                found.map(payment -> payment.id().value()).orElse(null), logged))) {
            return EventOutcome.DUPLICATE;
        }
        change.store().run();
        return change.outcome();
    }

    /** What the event does to the payment, worked out in memory; stored only once the event is known to be new. */
    private Change change(Payment payment, GatewayEvent event, ChangeSource source, Instant now) {
        if (event.type().isDispute()) {
            DisputeChanges.Merge merge = disputes.merge(event.dispute(), event.occurredAt(), payment.id());
            return new Change(merge.changed() ? EventOutcome.APPLIED : EventOutcome.STALE, () -> {
                disputes.store(payment, merge, source, event.eventId(), null);
                transactions.update(payment);
            });
        }
        if (event.type() == GatewayEventType.REFUND_FAILED) {
            RefundOutcomes.Failure failure = refundOutcomes.failure(payment, event.refundFailure(),
                    event.refundedTotal(), source, event.eventId());
            return new Change(failure.outcome(), () -> refundOutcomes.store(payment, failure));
        }
        EventOutcome outcome = isFromBeforeARefundFailure(payment, event)
                ? payment.refuseRefundedTotalFromBeforeAFailure(event, source, now)
                : payment.apply(event, source, now);
        return new Change(outcome, () -> {
            transactions.update(payment);
            if (outcome == EventOutcome.APPLIED) {
                String eventKey = event.eventId() != null ? event.eventId()
                        : source.name().toLowerCase() + ":" + payment.version();
                notifications.afterApplied(payment, eventKey);
            }
        });
    }

    /** @param store writes the change: the payment, and what goes with it (a dispute, a refund, emails) */
    private record Change(EventOutcome outcome, Runnable store) {
    }

    private Optional<Payment> paymentOf(GatewayEvent event) {
        Optional<Payment> found = event.paymentReference() == null ? Optional.empty()
                : repository.findByGatewayReference(event.paymentReference());
        if (found.isEmpty() && event.paymentId() != null && PaymentId.isWellFormed(event.paymentId())) {
            // a hosted payment learns its PaymentIntent from the first event that names it
            found = repository.findById(new PaymentId(event.paymentId()));
        }
        return found;
    }

    private EventOutcome logOnly(ReceivedGatewayEvent received, EventOutcome outcome) {
        boolean first = handledEvents.record(LoggedGatewayEvent.handled(received, clock.instant(), null,
                LoggedEventOutcome.of(outcome), null));
        if (!first) {
            handledEvents.recordDuplicate(received.eventId());
        }
        return first ? outcome : EventOutcome.DUPLICATE;
    }

    private void recordFailure(ReceivedGatewayEvent received, RuntimeException failure) {
        String reason = reason(failure);
        try {
            handledEvents.recordFailure(LoggedGatewayEvent.handled(received, clock.instant(), null,
                    LoggedEventOutcome.FAILED, reason), failure);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
        LOG.log(Level.WARNING, "gateway event {0} ({1}) could not be handled: {2}", received.eventId(),
                received.gatewayType(), reason);
    }

    /**
     * The innermost exception and the first line of its message: a database's further lines may quote the row,
     * with the customer's name and email, which belong neither in the log nor in the event log.
     */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? "" : innermost.getMessage().lines().findFirst().orElse("");
        return innermost.getClass().getSimpleName() + ": " + message;
    }

    /** An event applied without its envelope (through ApplyGatewayEventUseCase) is logged with our type name only. */
    private static LoggedGatewayEvent entry(GatewayEvent event, ReceivedGatewayEvent received, Instant now,
                                            String paymentId, LoggedEventOutcome outcome) {
        if (received != null) {
            return LoggedGatewayEvent.handled(received, now, paymentId, outcome, null);
        }
        return new LoggedGatewayEvent(event.eventId(), event.type().name(), null, event.occurredAt(), now, paymentId,
                outcome, null, null, 0);
    }

    private boolean isFromBeforeARefundFailure(Payment payment, GatewayEvent event) {
        return event.type() == GatewayEventType.REFUND_UPDATED && refunds.latestGatewayFailure(payment.id())
                .filter(failedAt -> event.occurredAt().isBefore(failedAt)).isPresent();
    }
}
