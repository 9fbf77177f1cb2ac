package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.RefundFailure;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentGateway.ListedRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks the gateway about payments that have been waiting too long, and applies its answer through the
 * same path as webhooks. This is what saves a payment whose webhook never came, and a refund whose answer was lost.
 */
public class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

    private static final Logger LOG = System.getLogger(ReconcilePaymentsService.class.getName());

    private final PaymentRepository repository;
    private final PaymentGateway gateway;
    private final ApplyGatewayEventUseCase events;
    private final PaymentTransactions transactions;
    private final RefundLedger refunds;
    private final RefundOutcomes refundOutcomes;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration abandonAfter;
    private final int batchSize;

    public ReconcilePaymentsService(PaymentRepository repository, PaymentGateway gateway,
                                    ApplyGatewayEventUseCase events,
                                    TransactionRunner transactions, PaymentEvents paymentEvents, Clock clock,
                                    Duration staleAfter, Duration abandonAfter, int batchSize, RefundLedger refunds,
                                    PaymentNotifier notifier) {
        this.repository = repository;
        this.gateway = gateway;
        this.events = events;
        this.transactions = new PaymentTransactions(repository, transactions, paymentEvents);
        this.refunds = refunds;
        this.refundOutcomes = new RefundOutcomes(refunds, this.transactions, notifier, clock);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.abandonAfter = abandonAfter;
        this.batchSize = batchSize;
    }

    @Override
    public Report reconcile() {
        Instant now = clock.instant();
        int checked = 0;
        int updated = 0;
        int abandoned = 0;
        int failed = 0;
        for (Payment payment : repository.findUnresolved(now.minus(staleAfter), batchSize)) {
            checked++;
            try {
                boolean isAbandoned = payment.status() != PaymentStatus.PROCESSING
                        && payment.createdAt().isBefore(now.minus(abandonAfter));
                if (payment.gatewayReference() == null) {
                    if (isAbandoned) {
                        cancelHere(payment);
                        abandoned++;
                    }
                    continue;
                }
                GatewayIntent intent = gateway.retrieveIntent(payment.gatewayReference());
                if (intent.status() != payment.status()) {
                    if (applyGatewayView(intent) == EventOutcome.APPLIED) {
                        updated++;
                    }
                } else if (isAbandoned) {
                    gateway.cancelIntent(payment.gatewayReference());
                    events.apply(event(GatewayEventType.CANCELED, intent), ChangeSource.RECONCILER);
                    abandoned++;
                }
            } catch (GatewayException | StalePaymentException e) {
                failed++;
                LOG.log(Level.WARNING, "could not reconcile payment " + payment.id() + ": " + e.getMessage());
            }
        }
        return new Report(checked, updated, abandoned, failed, settleLostRefunds(now));
    }

    /**
     * A refund whose gateway answer was lost (a timeout) stays pending with its amount reserved. Once it is older
     * than {@code staleAfter}, so that a call still in flight is not raced, the gateway's refunds on the intent say
     * what became of it: made (found by the refund id the gateway was given as idempotency key), failed, or never
     * made, which releases the reservation.
     */
    private int settleLostRefunds(Instant now) {
        int settled = 0;
        for (Refund pending : refunds.findPendingRefunds(now.minus(staleAfter), batchSize)) {
            try {
                Payment payment = transactions.load(pending.paymentId().value());
                Optional<ListedRefund> made = gateway.listRefunds(payment.gatewayReference()).stream()
                        .filter(listed -> pending.refundId().equals(listed.idempotencyKey())
                                || listed.refundId().equals(pending.gatewayRefundId()))
                        .findFirst();
                if (made.isEmpty()) {
                    refundOutcomes.notMade(payment.id(), pending);
                } else if (made.get().failed()) {
                    ListedRefund failed = made.get();
                    RefundFailure failure = new RefundFailure(failed.refundId(), pending.refundId(), pending.amount(),
                            failed.failureReason());
                    transactions.retryingStale(() -> refundOutcomes.failed(transactions.load(payment.id().value()),
                            failure, failed.refundedTotal(), ChangeSource.RECONCILER, null));
                } else {
                    refundOutcomes.made(payment.id(), pending,
                            new GatewayRefund(made.get().refundId(), made.get().refundedTotal()));
                }
                settled++;
            } catch (GatewayException | StalePaymentException e) {
                LOG.log(Level.WARNING, "could not settle refund " + pending.refundId() + ": " + e.getMessage());
            }
        }
        return settled;
    }

    private EventOutcome applyGatewayView(GatewayIntent intent) {
        return switch (intent.status()) {
            case PENDING -> EventOutcome.IGNORED;
            case REQUIRES_ACTION -> events.apply(event(GatewayEventType.REQUIRES_ACTION, intent), ChangeSource.RECONCILER);
            case PROCESSING -> events.apply(event(GatewayEventType.PROCESSING, intent), ChangeSource.RECONCILER);
            case FAILED -> events.apply(event(GatewayEventType.PAYMENT_FAILED, intent), ChangeSource.RECONCILER);
            case CANCELED -> events.apply(event(GatewayEventType.CANCELED, intent), ChangeSource.RECONCILER);
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> {
                EventOutcome succeeded = events.apply(event(GatewayEventType.SUCCEEDED, intent), ChangeSource.RECONCILER);
                if (intent.refundedTotal() > 0) {
                    events.apply(event(GatewayEventType.REFUND_UPDATED, intent), ChangeSource.RECONCILER);
                }
                yield succeeded;
            }
        };
    }

    private GatewayEvent event(GatewayEventType type, GatewayIntent intent) {
        return new GatewayEvent(null, type, intent.reference(), clock.instant(), intent.transactionId(),
                intent.failureCode(), intent.failureMessage(), intent.refundedTotal(), "reconciled with the gateway");
    }

    private void cancelHere(Payment payment) {
        transactions.retryingStale(() -> {
            Payment current = transactions.load(payment.id().value());
            if (current.canBeCanceled()) {
                current.cancel(ChangeSource.RECONCILER, "abandoned before reaching the gateway", clock.instant());
                transactions.update(current);
            }
            return null;
        });
    }
}
