package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.in.ApplyGatewayEventUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import com.acme.payment.domain.port.out.PaymentEvents;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.TransactionRunner;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks the gateway about payments that have been waiting too long, and applies its answer through the
 * same path as webhooks. This is what saves a payment whose webhook never came.
 */
public class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

    private static final Logger LOG = System.getLogger(ReconcilePaymentsService.class.getName());

    private final PaymentRepository repository;
    private final PaymentGateway gateway;
    private final ApplyGatewayEventUseCase events;
    private final PaymentTransactions transactions;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration abandonAfter;
    private final int batchSize;

    public ReconcilePaymentsService(PaymentRepository repository, PaymentGateway gateway,
                                    ApplyGatewayEventUseCase events,
                                    TransactionRunner transactions, PaymentEvents paymentEvents, Clock clock,
                                    Duration staleAfter, Duration abandonAfter, int batchSize) {
        this.repository = repository;
        this.gateway = gateway;
        this.events = events;
        this.transactions = new PaymentTransactions(repository, transactions, paymentEvents);
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
        return new Report(checked, updated, abandoned, failed);
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
                current.cancel(ChangeSource.RECONCILER, null, "abandoned before reaching the gateway", clock.instant());
                transactions.update(current);
            }
            return null;
        });
    }
}
