package com.acme.payment.domain.port.out;

import java.util.Objects;

/**
 * Card entry through this app, which only the sandbox gateway has: with Stripe, the browser hands the card to
 * Stripe and no card reaches this app, so in stripe mode there is none (and its endpoints answer 404). What
 * follows a confirmation reaches the payment as the gateway's events, like every other change.
 */
public interface SandboxCardPayments {

    /**
     * The customer confirms the payment with a card, as Stripe.js would.
     *
     * @throws com.acme.payment.domain.model.InvalidPaymentRequestException for a card that is not a test card, an
     *         expiry that is not a future MM/YY, or a CVC that is not 3 or 4 digits
     * @throws com.acme.payment.domain.model.PaymentNotFoundException when there is no such payment, or the client
     *         secret is not its
     * @throws com.acme.payment.domain.model.IllegalTransitionException when the payment is not waiting for a card
     */
    Confirmation confirm(String paymentId, String clientSecret, Card card);

    /**
     * The customer completes ({@code approve}) or fails the 3-D Secure step.
     *
     * @throws com.acme.payment.domain.model.PaymentNotFoundException when there is no such payment, or the client
     *         secret is not its
     * @throws com.acme.payment.domain.model.IllegalTransitionException when the payment is not waiting for
     *         authentication
     */
    Confirmation authenticate(String paymentId, String clientSecret, boolean approve);

    /** As typed into the card form. */
    record Card(String number, String expiry, String cvc) {
    }

    /**
     * What happened to the card, answered at once; the payment's status follows through events.
     *
     * @param declineCode Stripe's decline code when {@link Outcome#DECLINED}, otherwise null
     * @param message     safe to show the customer; null when there is nothing to say
     */
    record Confirmation(String paymentId, Outcome outcome, String declineCode, String message) {

        public Confirmation {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    enum Outcome {
        /** Accepted: the payment moves to processing, then succeeded. */
        PROCESSING,
        /** 3-D Secure is needed: call authenticate. */
        REQUIRES_ACTION,
        /** Declined: another card may be tried on the same payment. */
        DECLINED
    }
}
