package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.HostedCheckout.State;
import java.time.Instant;
import java.util.Locale;

/** One sandbox Checkout Session. Not thread-safe: its users hold its lock around every use. */
final class SandboxCheckoutSession {

    /** What the session was made for; it never changes. */
    record Terms(String id, Payment payment, String itemName, String url, String successUrl, String cancelUrl,
                 Instant createdAt, Instant expiresAt) {
    }

    private final Terms terms;
    private State state = State.OPEN;
    private SandboxIntent intent;
    private boolean paid;

    SandboxCheckoutSession(Terms terms) {
        this.terms = terms;
    }

    Terms terms() {
        return terms;
    }

    State state() {
        return state;
    }

    /** Null until the page made one. */
    SandboxIntent intent() {
        return intent;
    }

    boolean paid() {
        return paid;
    }

    void attach(SandboxIntent paymentIntent) {
        intent = paymentIntent;
    }

    void complete() {
        state = State.COMPLETE;
        paid = true;
    }

    void expire() {
        if (state != State.OPEN) {
            throw SandboxIntent.invalidRequest("Only Checkout Sessions with a status in [open] can be expired. This "
                    + "Checkout Session has a status of " + state.name().toLowerCase(Locale.ROOT) + ".");
        }
        state = State.EXPIRED;
    }
}
