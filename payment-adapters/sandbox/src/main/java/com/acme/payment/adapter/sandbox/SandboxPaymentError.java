package com.acme.payment.adapter.sandbox;

/**
 * Stripe's {@code last_payment_error}, for the two ways a sandbox payment fails.
 *
 * @param message         Stripe's text, meant for developers
 * @param customerMessage what the customer may be told
 */
record SandboxPaymentError(String type, String code, String declineCode, String message, String customerMessage) {

    static SandboxPaymentError declined(SandboxTestCard card) {
        return new SandboxPaymentError("card_error", "card_declined", card.declineCode(), card.declineMessage(),
                card.declineMessage());
    }

    /** What Stripe reports when 3-D Secure fails: an error code, no decline code. */
    static SandboxPaymentError authenticationFailed() {
        return new SandboxPaymentError("invalid_request_error", "payment_intent_authentication_failure", null,
                "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a "
                        + "new PaymentMethod to attempt to fulfill this PaymentIntent again.",
                "We could not authenticate your payment.");
    }

    /** The decline code if there is one, otherwise the error code: what the Stripe adapter reads too. */
    String failureCode() {
        return declineCode != null ? declineCode : code;
    }
}
