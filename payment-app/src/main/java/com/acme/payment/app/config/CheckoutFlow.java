package com.acme.payment.app.config;

import java.util.Locale;

/** How the Payment page takes the card ({@code PAYMENT_CHECKOUT}). */
public enum CheckoutFlow {
    /** On the page itself: Stripe's Payment Element, or the sandbox card form. */
    EMBEDDED,
    /** On Stripe Checkout's hosted page (or the sandbox's imitation of it), which sends the customer back. */
    HOSTED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
