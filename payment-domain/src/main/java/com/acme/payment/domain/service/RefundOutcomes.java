package com.acme.payment.domain.service;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.RefundFailure;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.RefundLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what the gateway did with a refund, whoever learnt it: the admin's call, a webhook or the reconciler.
 * Each change of a refund and of its payment is stored in one transaction.
 */
final class RefundOutcomes {

    private final RefundLedger refunds;
    private final PaymentTransactions transactions;
    private final PaymentNotifications notifications;
    private final PaymentNotifier notifier;
    private final Clock clock;

    RefundOutcomes(RefundLedger refunds, PaymentTransactions transactions, PaymentNotifier notifier, Clock clock) {
        this.refunds = refunds;
        this.transactions = transactions;
        this.notifications = new PaymentNotifications(notifier);
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * The gateway made the pending refund. Returns the refund as stored.
     *
     * @param actor the signed-in user who asked for it; null when the reconciler learnt it
     */
    Refund made(PaymentId paymentId, Refund pending, GatewayRefund made, String actor) {
        Refund succeeded = pending.succeeded(made.refundId());
        return transactions.retryingStale(() -> {
            Optional<Refund> settled = settledMeanwhile(paymentId, pending);
            if (settled.isPresent()) {
                return settled.get();
            }
            Payment current = transactions.load(paymentId.value());
            EventOutcome outcome = current.completeRefund(pending, made.refundedTotal(), actor, clock.instant());
            transactions.update(current);
            refunds.updateRefund(succeeded);
            if (outcome == EventOutcome.APPLIED) {
                notifications.afterRefund(current);
            }
            return succeeded;
        });
    }

    /** The gateway made no refund: its amount is refundable again. */
    void notMade(PaymentId paymentId, Refund pending) {
        transactions.retryingStale(() -> {
            if (settledMeanwhile(paymentId, pending).isPresent()) {
                return null;
            }
            Payment current = transactions.load(paymentId.value());
            current.releaseRefund(pending, clock.instant());
            transactions.update(current);
            refunds.updateRefund(pending.failed());
            return null;
        });
    }

    /**
     * The admin's retry and the reconciler may both settle one refund; the payment's version makes them take turns,
     * and the second finds it settled.
     */
    private Optional<Refund> settledMeanwhile(PaymentId paymentId, Refund pending) {
        return refunds.findRefund(paymentId, pending.refundId(), null)
                .filter(stored -> stored.status() != Refund.Status.PENDING);
    }

    /**
     * A refund failed after the gateway accepted it; call inside the transaction that loaded {@code payment}. Once
     * per refund: Stripe reports one failure as {@code refund.failed} and {@code charge.refund.updated}.
     *
     * @param gatewayRefundedTotal the gateway's total after the failure, or -1 when unknown
     */
    EventOutcome failed(Payment payment, RefundFailure failure, long gatewayRefundedTotal, ChangeSource source,
                        String eventId) {
        Failure worked = failure(payment, failure, gatewayRefundedTotal, source, eventId);
        store(payment, worked);
        return worked.outcome();
    }

    /**
     * What a refund failure changes, worked out on the payment in memory without writing anything, so that the
     * event can be logged with its outcome first. A refund that has failed already is a duplicate.
     */
    Failure failure(Payment payment, RefundFailure failure, long gatewayRefundedTotal, ChangeSource source,
                    String eventId) {
        Optional<Refund> known = refunds.findRefund(payment.id(), failure.refundId(), failure.gatewayRefundId());
        if (known.filter(refund -> refund.status() == Refund.Status.FAILED).isPresent()) {
            return new Failure(EventOutcome.DUPLICATE, null, false);
        }
        Instant now = clock.instant();
        // One made elsewhere (Stripe's Dashboard) was counted through charge.refunded; stored so that it fails once.
        Refund refund = known.orElseGet(() -> new Refund(Refund.newId(), payment.id(), failure.amount(),
                Refund.Status.SUCCEEDED, null, null, failure.gatewayRefundId(), now));
        EventOutcome outcome = payment.failRefund(refund, failure.reason(), gatewayRefundedTotal, source, eventId, now);
        return new Failure(outcome, refund.failedAtGateway(failure.gatewayRefundId(), failure.reason()),
                known.isPresent());
    }

    /** Stores what {@link #failure} worked out: the payment, the failed refund, the merchant's notice. */
    void store(Payment payment, Failure failure) {
        if (failure.failed() == null) {
            return;
        }
        transactions.update(payment);
        if (failure.known()) {
            refunds.updateRefund(failure.failed());
        } else {
            refunds.insertRefund(failure.failed());
        }
        notifier.refundFailed(payment, failure.failed(), "refund-failed:" + failure.failed().gatewayRefundId());
    }

    /** @param failed the refund as failed; null when nothing is to be stored */
    record Failure(EventOutcome outcome, Refund failed, boolean known) {
    }
}
