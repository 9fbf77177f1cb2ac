package com.acme.payment.domain.model;

/**
 * A payment's refund bookkeeping: what the gateway has refunded, and what is reserved for refunds it has not
 * settled yet. Both count against what is left to refund, so concurrent refunds never exceed the amount.
 */
public record RefundBalance(long refunded, long reserved) {

    public static final RefundBalance NONE = new RefundBalance(0, 0);

    public RefundBalance {
        if (refunded < 0 || reserved < 0) {
            throw new IllegalArgumentException("refunded and reserved amounts must not be negative");
        }
    }

    long leftOf(long captured) {
        return captured - refunded - reserved;
    }

    /** Reserves {@code amount} of what is left of {@code captured}. */
    RefundBalance reserve(long amount, Money captured) {
        long left = leftOf(captured.minorUnits());
        if (amount <= 0) {
            throw new RefundNotAllowedException("nothing is left to refund");
        }
        if (amount > left) {
            throw new RefundNotAllowedException("a refund of " + amount + " exceeds the refundable " + left + " "
                    + captured.currency());
        }
        return new RefundBalance(refunded, reserved + amount);
    }

    /** The refund is settled (made or refused): its amount is no longer reserved. */
    RefundBalance release(Refund refund) {
        if (refund.amount() > reserved) {
            throw new IllegalStateException("refund " + refund.refundId() + " was not reserved on "
                    + refund.paymentId());
        }
        return new RefundBalance(refunded, reserved - refund.amount());
    }

    RefundBalance refundedInTotal(long total) {
        return new RefundBalance(total, reserved);
    }

    /** A refund is failing: a pending one is no longer reserved; a made one is still counted in the total. */
    RefundBalance failing(Refund refund) {
        if (refund.status() == Refund.Status.FAILED) {
            throw new IllegalStateException("refund " + refund.refundId() + " has already failed");
        }
        return refund.status() == Refund.Status.PENDING ? release(refund) : this;
    }

    /**
     * The refunded total once {@code refund} failed: the gateway's total (never more than ours), or when that is
     * unknown (-1) ours without the refund if it was counted.
     */
    long totalAfterFailure(Refund refund, long gatewayRefundedTotal) {
        long counted = refund.status() == Refund.Status.SUCCEEDED ? refund.amount() : 0;
        return gatewayRefundedTotal >= 0 ? Math.min(gatewayRefundedTotal, refunded) : Math.max(0, refunded - counted);
    }
}
