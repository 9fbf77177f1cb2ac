package com.acme.payment.domain.port.out;

import com.acme.payment.domain.model.Payment;
import java.time.Instant;
import java.util.Objects;

/**
 * The gateway's hosted payment page (Stripe Checkout, or the sandbox's imitation of it). Calls go over the network:
 * never call it inside a database transaction. Failures are {@link com.acme.payment.domain.model.GatewayException}.
 */
public interface HostedCheckout {

    /**
     * Opens a session in which the customer pays {@code payment}.
     *
     * @param itemName       what the page says is being paid for
     * @param successUrl     where the page sends the customer once paid; the gateway fills in
     *                       {@code {CHECKOUT_SESSION_ID}}
     * @param cancelUrl      where the page's back link goes
     * @param idempotencyKey the same key returns the same session
     */
    CheckoutSession createSession(Payment payment, String itemName, String successUrl, String cancelUrl, Instant expiresAt,
                                  String idempotencyKey);

    CheckoutSession retrieveSession(String sessionId);

    /** Closes an open session; the customer can no longer pay in it. */
    CheckoutSession expireSession(String sessionId);

    /**
     * The gateway's view of a session.
     *
     * @param paid          whether the session's payment is paid (Stripe's {@code payment_status})
     * @param paymentIntent null until the customer submitted a payment method
     */
    record CheckoutSession(String id, String url, State state, boolean paid, String paymentIntent) {

        public CheckoutSession {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Stripe's session {@code status}. */
    enum State {
        OPEN, COMPLETE, EXPIRED
    }
}
