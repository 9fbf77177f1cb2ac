package com.acme.payment.domain.model;

/**
 * Where a payment lives at the gateway: its PaymentIntent and, for a hosted payment, the Checkout session the
 * customer pays on. Both may be null.
 */
record GatewayLink(String reference, String checkoutSessionId) {

    static final GatewayLink NONE = new GatewayLink(null, null);

    /** A new session replaces an expired one; the PaymentIntent stays until the new session's events name one. */
    GatewayLink withSession(String sessionId) {
        return new GatewayLink(reference, sessionId);
    }

    GatewayLink withReference(String newReference) {
        return new GatewayLink(newReference, checkoutSessionId);
    }

    /** A hosted payment learns its PaymentIntent from the first event that names it. */
    GatewayLink learnedFrom(GatewayEvent event) {
        return event.paymentReference() == null ? this : withReference(event.paymentReference());
    }

    /**
     * Whether an event is about the current checkout session and PaymentIntent. An intent's event found through
     * our payment id alone may be an expired session's; and a hosted payment is canceled with its session (Stripe
     * cancels the session's PaymentIntent when the session expires), not by the intent's own event.
     */
    boolean concerns(GatewayEvent event) {
        if (event.checkoutSessionId() != null) {
            return event.checkoutSessionId().equals(checkoutSessionId);
        }
        if (event.paymentReference() != null && reference != null && !event.paymentReference().equals(reference)) {
            return false;
        }
        return checkoutSessionId == null || event.type() != GatewayEventType.CANCELED;
    }
}
