package com.acme.payment.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The statuses of Stripe's PaymentIntent, and the payment status each one means. Both gateways speak this
 * vocabulary (the sandbox imitates Stripe) and adapters do not depend on each other, so its one home is here.
 */
public enum StripeIntentStatus {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, CANCELED, SUCCEEDED;

    /** As Stripe's API writes it, e.g. {@code requires_payment_method}. */
    public String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StripeIntentStatus> fromStripeName(String stripeName) {
        return Arrays.stream(values()).filter(status -> status.stripeName().equals(stripeName)).findFirst();
    }

    /**
     * @param attemptFailed whether the intent carries a last payment error: Stripe sends a failed intent back to
     *                      requires_payment_method, so that another card can be tried
     * @param amount        the intent's amount, in minor units
     * @param refundedTotal refunded so far on the intent's charge
     */
    public PaymentStatus paymentStatus(boolean attemptFailed, long amount, long refundedTotal) {
        return switch (this) {
            case REQUIRES_PAYMENT_METHOD -> attemptFailed ? PaymentStatus.FAILED : PaymentStatus.PENDING;
            case REQUIRES_CONFIRMATION -> PaymentStatus.PENDING;
            case REQUIRES_ACTION -> PaymentStatus.REQUIRES_ACTION;
            case PROCESSING, REQUIRES_CAPTURE -> PaymentStatus.PROCESSING;
            case CANCELED -> PaymentStatus.CANCELED;
            case SUCCEEDED -> refundedTotal == 0 ? PaymentStatus.SUCCEEDED
                    : refundedTotal >= amount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        };
    }
}
