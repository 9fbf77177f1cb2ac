package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
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
import java.util.Optional;

/**
 * Applies gateway events exactly once: the event id is recorded in the same transaction as the change
 * it makes, so a redelivery (even a concurrent one) finds it and changes nothing.
 */
public class GatewayEventService implements ReceiveGatewayEventUseCase, ApplyGatewayEventUseCase {

    private static final Logger LOG = System.getLogger(GatewayEventService.class.getName());

    private final GatewayEventVerifier verifier;
    private final PaymentRepository repository;
    private final GatewayEventLedger handledEvents;
    private final PaymentTransactions transactions;
    private final PaymentNotifications notifications;
    private final RefundLedger refunds;
    private final RefundOutcomes refundOutcomes;
    private final Clock clock;

    public GatewayEventService(GatewayEventVerifier verifier, PaymentRepository repository,
                               GatewayEventLedger handledEvents, TransactionRunner transactions, PaymentEvents events,
                               PaymentNotifier notifier, Clock clock, RefundLedger refunds) {
        this.verifier = verifier;
        this.repository = repository;
        this.handledEvents = handledEvents;
        this.transactions = new PaymentTransactions(repository, transactions, events);
        this.notifications = new PaymentNotifications(notifier);
        this.refunds = refunds;
        this.refundOutcomes = new RefundOutcomes(refunds, this.transactions, notifier, clock);
        this.clock = clock;
    }

    @Override
    public EventOutcome receive(String payload, String signatureHeader) {
        return apply(verifier.verify(payload, signatureHeader), ChangeSource.WEBHOOK);
    }

    @Override
    public EventOutcome apply(GatewayEvent event, ChangeSource source) {
        if (event.type() == GatewayEventType.UNHANDLED) {
            return EventOutcome.IGNORED;
        }
        EventOutcome outcome = transactions.retryingStale(() -> applyOnce(event, source));
        if (outcome == EventOutcome.UNKNOWN_PAYMENT) {
            LOG.log(Level.WARNING, "gateway event {0} ({1}) is for {2}, which is not one of our payments",
                    event.eventId(), event.type(), event.paymentReference());
        }
        return outcome;
    }

    private EventOutcome applyOnce(GatewayEvent event, ChangeSource source) {
        if (event.eventId() != null
                && !handledEvents.recordGatewayEvent(event.eventId(), event.type().name(), clock.instant())) {
            return EventOutcome.DUPLICATE;
        }
        Optional<Payment> found = repository.findByGatewayReference(event.paymentReference());
        if (found.isEmpty()) {
            return EventOutcome.UNKNOWN_PAYMENT;
        }
        Payment payment = found.get();
        if (event.type() == GatewayEventType.REFUND_FAILED) {
            return refundOutcomes.failed(payment, event.refundFailure(), event.refundedTotal(), source,
                    event.eventId());
        }
        EventOutcome outcome = isFromBeforeARefundFailure(payment, event)
                ? payment.refuseRefundedTotalFromBeforeAFailure(event, source, clock.instant())
                : payment.apply(event, source, clock.instant());
        transactions.update(payment);
        if (outcome == EventOutcome.APPLIED) {
            String eventKey = event.eventId() != null ? event.eventId() : source.name().toLowerCase() + ":" + payment.version();
            notifications.afterApplied(payment, event.type(), eventKey, event.detail());
        }
        return outcome;
    }

    private boolean isFromBeforeARefundFailure(Payment payment, GatewayEvent event) {
        return event.type() == GatewayEventType.REFUND_UPDATED && refunds.latestGatewayFailure(payment.id())
                .filter(failedAt -> event.occurredAt().isBefore(failedAt)).isPresent();
    }
}
