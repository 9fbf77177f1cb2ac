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
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.HostedCheckout.CheckoutSession;
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
    private final HostedCheckout checkout;
    private final ApplyGatewayEventUseCase events;
    private final PaymentTransactions transactions;
    private final RefundLedger refunds;
    private final RefundOutcomes refundOutcomes;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration abandonAfter;
    private final int batchSize;

    public ReconcilePaymentsService(PaymentRepository repository, PaymentGateway gateway, HostedCheckout checkout,
                                    ApplyGatewayEventUseCase events,
                                    TransactionRunner transactions, PaymentEvents paymentEvents, Clock clock,
                                    Duration staleAfter, Duration abandonAfter, int batchSize, RefundLedger refunds,
                                    PaymentNotifier notifier) {
        this.repository = repository;
        this.gateway = gateway;
        this.checkout = checkout;
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
                if (payment.checkoutSessionId() != null) {
                    switch (reconcileHosted(payment, isAbandoned)) {
                        case UPDATED -> updated++;
                        case ABANDONED -> abandoned++;
                        case UNCHANGED -> {
                        }
                    }
                    continue;
                }
                if (payment.gatewayReference() == null) {
                    if (isAbandoned) {
                        cancelHere(payment);
                        abandoned++;
                    }
                    continue;
                }
                GatewayIntent intent = gateway.retrieveIntent(payment.gatewayReference());
                if (intent.status() != payment.status()) {
                    if (applyGatewayView(intent, payment) == EventOutcome.APPLIED) {
                        updated++;
                    }
                } else if (isAbandoned) {
                    gateway.cancelIntent(payment.gatewayReference());
                    events.apply(event(GatewayEventType.CANCELED, intent, payment), ChangeSource.RECONCILER);
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
                            new GatewayRefund(made.get().refundId(), made.get().refundedTotal()), null);
                }
                settled++;
            } catch (GatewayException | StalePaymentException e) {
                LOG.log(Level.WARNING, "could not settle refund " + pending.refundId() + ": " + e.getMessage());
            }
        }
        return settled;
    }

    /**
     * A hosted payment: its session says whether it expired and names its PaymentIntent, which says the rest. The
     * PaymentIntent of an expired session is canceled with it, so the session's expiry is what cancels the payment.
     */
    private HostedChange reconcileHosted(Payment payment, boolean isAbandoned) {
        CheckoutSession session = checkout.retrieveSession(payment.checkoutSessionId());
        if (session.paymentIntent() != null) {
            GatewayIntent intent = gateway.retrieveIntent(session.paymentIntent());
            if (intent.status() != payment.status() && intent.status() != PaymentStatus.CANCELED) {
                return applyGatewayView(intent, payment) == EventOutcome.APPLIED ? HostedChange.UPDATED
                        : HostedChange.UNCHANGED;
            }
        }
        if (session.state() == HostedCheckout.State.EXPIRED) {
            return events.apply(sessionCanceled(payment, session), ChangeSource.RECONCILER) == EventOutcome.APPLIED
                    ? HostedChange.UPDATED : HostedChange.UNCHANGED;
        }
        if (isAbandoned && session.state() == HostedCheckout.State.OPEN) {
            checkout.expireSession(session.id());
            events.apply(sessionCanceled(payment, session), ChangeSource.RECONCILER);
            return HostedChange.ABANDONED;
        }
        return HostedChange.UNCHANGED;
    }

    private enum HostedChange {
        UNCHANGED, UPDATED, ABANDONED
    }

    private GatewayEvent sessionCanceled(Payment payment, CheckoutSession session) {
        return new GatewayEvent(null, GatewayEventType.CANCELED, session.paymentIntent(), clock.instant(), null, null,
                null, 0, "reconciled with the gateway: checkout session expired", null, payment.id().value(), session.id(), null);
    }

    private EventOutcome applyGatewayView(GatewayIntent intent, Payment payment) {
        return switch (intent.status()) {
            case PENDING -> EventOutcome.IGNORED;
            case REQUIRES_ACTION -> apply(GatewayEventType.REQUIRES_ACTION, intent, payment);
            case PROCESSING -> apply(GatewayEventType.PROCESSING, intent, payment);
            case FAILED -> apply(GatewayEventType.PAYMENT_FAILED, intent, payment);
            case CANCELED -> apply(GatewayEventType.CANCELED, intent, payment);
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED -> {
                EventOutcome succeeded = apply(GatewayEventType.SUCCEEDED, intent, payment);
                if (intent.refundedTotal() > 0) {
                    apply(GatewayEventType.REFUND_UPDATED, intent, payment);
                }
                yield succeeded;
            }
        };
    }

    private EventOutcome apply(GatewayEventType type, GatewayIntent intent, Payment payment) {
        return events.apply(event(type, intent, payment), ChangeSource.RECONCILER);
    }

    /** Names the payment and its session too, so that a hosted payment learns its PaymentIntent here as well. */
    private GatewayEvent event(GatewayEventType type, GatewayIntent intent, Payment payment) {
        return new GatewayEvent(null, type, intent.reference(), clock.instant(), intent.transactionId(),
                intent.failureCode(), intent.failureMessage(), intent.refundedTotal(), "reconciled with the gateway", null,
                payment.id().value(), payment.checkoutSessionId(), null);
    }

    private void cancelHere(Payment payment) {
        transactions.retryingStale(() -> {
            Payment current = transactions.load(payment.id().value());
            if (current.canBeCanceled()) {
                current.cancel(ChangeSource.RECONCILER, null, "abandoned before reaching the gateway", clock.instant());
                transactions.update(current);
            }
            return null;
        });
    }
}
