package com.acme.payment.app;

import com.stripe.net.Webhook;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/** Stripe-shaped event JSON, as Stripe sends it, and Stripe-Signature headers made with stripe-java. */
public final class StripeEvents {

    public static final String API_VERSION = "2025-09-30.clover";

    private StripeEvents() {
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    public static String paymentIntentEvent(String eventId, String type, String intentId, String status, long amount,
                                            String extraIntentFields) {
        return paymentIntentEvent(eventId, type, intentId, status, amount, extraIntentFields, API_VERSION);
    }

    public static String paymentIntentEvent(String eventId, String type, String intentId, String status, long amount,
                                            String extraIntentFields, String apiVersion) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s",
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "payment_intent",
                      "amount": %d,
                      "amount_received": %d,
                      "currency": "usd",
                      "status": "%s",
                      "livemode": false,
                      "capture_method": "automatic",
                      "confirmation_method": "automatic",
                      "created": %d,
                      "metadata": {}%s
                    }
                  }
                }
                """.formatted(eventId, apiVersion, Instant.now().getEpochSecond(), type, intentId, amount,
                "succeeded".equals(status) ? amount : 0, status, Instant.now().getEpochSecond() - 60,
                extraIntentFields.isEmpty() ? "" : ",\n" + extraIntentFields);
    }

    /** An event of {@code type} about {@code objectJson}, e.g. a Checkout Session as Stripe's API writes it. */
    public static String event(String eventId, String type, String objectJson) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s",
                  "data": {"object": %s}
                }
                """.formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), type, objectJson);
    }

    public static String succeeded(String eventId, String intentId, long amount) {
        return paymentIntentEvent(eventId, "payment_intent.succeeded", intentId, "succeeded", amount,
                "\"latest_charge\": \"ch_3Test" + intentId.substring(intentId.length() - 8) + "\"");
    }

    public static String processing(String eventId, String intentId, long amount) {
        return paymentIntentEvent(eventId, "payment_intent.processing", intentId, "processing", amount, "");
    }

    public static String failed(String eventId, String intentId, long amount) {
        return paymentIntentEvent(eventId, "payment_intent.payment_failed", intentId, "requires_payment_method", amount,
                """
                "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                  "message": "Your card has insufficient funds."}""");
    }

    public static String chargeRefunded(String eventId, String intentId, long amount, long amountRefunded) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "livemode": false,
                  "type": "charge.refunded",
                  "data": {
                    "object": {
                      "id": "ch_3Refund%s",
                      "object": "charge",
                      "amount": %d,
                      "amount_captured": %d,
                      "amount_refunded": %d,
                      "currency": "usd",
                      "captured": true,
                      "paid": true,
                      "refunded": %s,
                      "status": "succeeded",
                      "payment_intent": "%s"
                    }
                  }
                }
                """.formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), eventId.substring(4), amount, amount,
                amountRefunded, amountRefunded == amount, intentId);
    }

    /**
     * A {@code charge.dispute.*} event as Stripe sends it, written at {@code created} (Stripe's clock), its evidence
     * due a week later; {@code withdrawn} adds the balance transaction that took the amount.
     */
    public static String dispute(String eventId, String type, String disputeId, String intentId, String status,
                                 long amount, long created, boolean withdrawn) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "livemode": false,
                  "type": "%s",
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "dispute",
                      "amount": %d,
                      "balance_transactions": %s,
                      "charge": "ch_3Dispute%s",
                      "created": %d,
                      "currency": "usd",
                      "evidence": {"product_description": null, "customer_communication": null, "uncategorized_text": null},
                      "evidence_details": {"due_by": %d, "has_evidence": false, "past_due": false, "submission_count": 0},
                      "is_charge_refundable": false,
                      "livemode": false,
                      "metadata": {},
                      "payment_intent": "%s",
                      "reason": "fraudulent",
                      "status": "%s"
                    }
                  }
                }
                """.formatted(eventId, API_VERSION, created, type, disputeId, amount,
                withdrawn ? "[{\"id\": \"txn_1Dispute\", \"object\": \"balance_transaction\", \"amount\": -" + amount
                        + ", \"reporting_category\": \"dispute\"}]" : "[]",
                disputeId.substring(3), created, created + 7 * 86400, intentId, status);
    }

    /** A refund event ({@code refund.failed}, {@code charge.refund.updated}, …) carrying a Refund object. */
    public static String refundEvent(String eventId, String type, String refundJson) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "%s",
                  "created": %d,
                  "livemode": false,
                  "pending_webhooks": 1,
                  "request": {"id": null, "idempotency_key": null},
                  "type": "%s",
                  "data": {
                    "object": %s
                  }
                }
                """.formatted(eventId, API_VERSION, Instant.now().getEpochSecond(), type, refundJson);
    }

    public static String unhandled(String eventId) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "type": "customer.created", "data": {"object": {"id": "cus_Test1", "object": "customer"}}}
                """.formatted(eventId, API_VERSION, Instant.now().getEpochSecond());
    }

    public static String signature(String payload, String secret) {
        return signature(payload, secret, Instant.now().getEpochSecond());
    }

    public static String signature(String payload, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
