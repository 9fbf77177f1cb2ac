package com.acme.payment.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment's refund rules: what may still be refunded, and how the gateway's refunded total moves the status.
 * The amounts are kept in a {@link RefundBalance}; every status change goes to the {@link PaymentHistory}.
 */
final class PaymentRefunds {

    private final PaymentId paymentId;
    private final Money captured;
    private final PaymentHistory history;
    private RefundBalance balance;

    PaymentRefunds(PaymentId paymentId, Money captured, RefundBalance balance, PaymentHistory history) {
        this.paymentId = paymentId;
        this.captured = captured;
        this.balance = Objects.requireNonNull(balance, "balance");
        this.history = history;
    }

    RefundBalance balance() {
        return balance;
    }

    /** Reserves the refund so that concurrent refunds can never add up to more than was captured. */
    Refund request(String refundId, Long requestedAmount, String reason, String idempotencyKey, Instant now) {
        PaymentStatus status = history.status();
        if (!status.isRefundable()) {
            throw new RefundNotAllowedException("a " + status.apiName() + " payment cannot be refunded");
        }
        long amount = requestedAmount == null ? balance.leftOf(captured.minorUnits()) : requestedAmount;
        balance = balance.reserve(amount, captured);
        history.touch(now);
        return new Refund(refundId, paymentId, amount, Refund.Status.PENDING, reason, idempotencyKey, null, now);
    }

    /**
     * Takes the gateway's refunded total rather than adding amounts up, so a webhook for the same refund that
     * arrived first is not counted twice (then the result is DUPLICATE).
     */
    EventOutcome complete(Refund refund, long gatewayRefundedTotal, String actor, Instant now) {
        release(refund, now);
        if (gatewayRefundedTotal <= balance.refunded()) {
            // The webhook recorded the money first; who asked for the refund still belongs in the history.
            history.note(ChangeSource.ADMIN, null, false,
                    "refund of " + format(refund.amount()) + " already recorded from the gateway", actor, now);
            return EventOutcome.DUPLICATE;
        }
        return applyRefundedTotal(gatewayRefundedTotal, ChangeSource.ADMIN, null, actor, now);
    }

    void release(Refund refund, Instant now) {
        balance = balance.release(refund);
        history.touch(now);
    }

    /** The refunded total follows the gateway's down and the status moves back, where the state machine allows. */
    EventOutcome fail(Refund refund, String failureReason, long gatewayRefundedTotal, ChangeSource source,
                      String eventId, Instant now) {
        balance = balance.failing(refund);
        long total = balance.totalAfterFailure(refund, gatewayRefundedTotal);
        PaymentStatus target = total == 0 ? PaymentStatus.SUCCEEDED
                : total < captured.minorUnits() ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.REFUNDED;
        PaymentStatus status = history.status();
        if (target != status && !status.canMoveBackAfterRefundFailure(target)) {
            return history.notAllowed(target, source, eventId, now);
        }
        String detail = "refund of " + format(refund.amount()) + " failed"
                + (failureReason == null ? "" : " (" + failureReason + ")") + "; refunded " + format(total) + " in total";
        return moveTo(target, total, source, eventId, null, detail, now);
    }

    /**
     * A refunded total the gateway reported before one of the refunds failed still counts that refund (Stripe does
     * not order its events: a {@code charge.refunded} can arrive after the {@code refund.failed}).
     */
    EventOutcome refuseTotalFromBeforeAFailure(ChangeSource source, String eventId, Instant now) {
        return history.notApplied(history.status(), source, eventId, "reported before a refund failed", now);
    }

    EventOutcome applyRefundedTotal(long refundedTotal, ChangeSource source, String eventId, String actor,
                                    Instant now) {
        long total = Math.min(refundedTotal, captured.minorUnits());
        PaymentStatus target = total == captured.minorUnits() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        if (total <= balance.refunded() || !history.status().canMoveTo(target)) {
            return history.notAllowed(target, source, eventId, now);
        }
        return moveTo(target, total, source, eventId, actor, "refunded " + format(total) + " in total", now);
    }

    private EventOutcome moveTo(PaymentStatus target, long total, ChangeSource source, String eventId, String actor,
                                String detail, Instant now) {
        balance = balance.refundedInTotal(total);
        history.moveTo(target, source, eventId, actor, detail, now);
        return EventOutcome.APPLIED;
    }

    private String format(long minorUnits) {
        return new Money(minorUnits, captured.currency()).format();
    }
}
