package com.acme.payment.adapter.stripe;

import java.util.List;

/**
 * The Stripe event types the service acts on: the ones to enable on the webhook endpoint, to ask the Events API
 * for when backfilling, and to look for on the endpoints at start-up. README.md lists the same types (a test
 * compares them); adding a type is one line here, plus its case in {@link StripeEventVerifier}.
 */
public final class HandledStripeEvents {

    public static final List<String> TYPES = List.of(
            "payment_intent.processing",
            "payment_intent.requires_action",
            "payment_intent.succeeded",
            "payment_intent.payment_failed",
            "payment_intent.canceled",
            "charge.refunded",
            "charge.refund.updated",
            "refund.failed",
            "charge.dispute.created",
            "charge.dispute.updated",
            "charge.dispute.closed",
            "charge.dispute.funds_withdrawn",
            "charge.dispute.funds_reinstated",
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed",
            "checkout.session.expired");

    private HandledStripeEvents() {
    }
}
