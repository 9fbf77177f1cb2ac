package com.acme.payment.adapter.sandbox;

import java.util.Objects;

/**
 * What happened to the card, answered at once; the payment's status follows through events.
 *
 * @param declineCode Stripe's decline code when {@link Outcome#DECLINED}, otherwise null
 * @param message     safe to show the customer; null when there is nothing to say
 */
public record SandboxConfirmation(String paymentId, Outcome outcome, String declineCode, String message) {

    public enum Outcome {
        /** Accepted: the payment moves to processing, then succeeded. */
        PROCESSING("processing"),
        /** 3-D Secure is needed: call authenticate. */
        REQUIRES_ACTION("requires_action"),
        /** Declined: another card may be tried on the same payment. */
        DECLINED("declined");

        private final String apiName;

        Outcome(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public SandboxConfirmation {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
