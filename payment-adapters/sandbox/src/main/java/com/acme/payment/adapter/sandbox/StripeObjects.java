package com.acme.payment.adapter.sandbox;

import static com.acme.payment.domain.model.StripeIntentStatus.REQUIRES_ACTION;
import static com.acme.payment.domain.model.StripeIntentStatus.SUCCEEDED;

import com.acme.payment.adapter.sandbox.SandboxIntent.Terms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sandbox intent written as Stripe's API writes its objects, ready for {@link SandboxJson}. */
final class StripeObjects {

    /** The API version the events are written in: the one stripe-java 33.3.0 is pinned to. */
    private static final String API_VERSION = "2026-07-29.dahlia";

    private StripeObjects() {
    }

    static Map<String, Object> event(String id, String type, Map<String, Object> object, Instant created) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", created.getEpochSecond());
        event.put("data", Map.of("object", object));
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", null);
        request.put("idempotency_key", null);
        event.put("request", request);
        event.put("type", type);
        return event;
    }

    static Map<String, Object> paymentIntent(SandboxIntent intent) {
        Terms terms = intent.terms();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", terms.reference());
        json.put("object", "payment_intent");
        json.put("amount", terms.amount().minorUnits());
        json.put("amount_capturable", 0);
        json.put("amount_received", intent.status() == SUCCEEDED ? terms.amount().minorUnits() : 0);
        json.put("automatic_payment_methods", Map.of("enabled", true));
        json.put("canceled_at", intent.canceledAt() == null ? null : intent.canceledAt().getEpochSecond());
        json.put("cancellation_reason", null);
        json.put("capture_method", "automatic_async");
        json.put("client_secret", terms.clientSecret());
        json.put("confirmation_method", "automatic");
        json.put("created", terms.createdAt().getEpochSecond());
        json.put("currency", currency(terms));
        json.put("description", terms.serviceType() + " payment " + terms.paymentId());
        json.put("last_payment_error", intent.lastError() == null ? null : error(intent.lastError()));
        json.put("latest_charge", intent.chargeId());
        json.put("livemode", false);
        json.put("metadata", metadata(terms));
        json.put("next_action", intent.status() == REQUIRES_ACTION ? Map.of("type", "use_stripe_sdk") : null);
        json.put("payment_method", intent.paymentMethod());
        json.put("payment_method_types", List.of("card"));
        json.put("receipt_email", terms.receiptEmail());
        json.put("status", intent.status().stripeName());
        return json;
    }

    /** The intent's charge. */
    static Map<String, Object> charge(SandboxIntent intent) {
        Terms terms = intent.terms();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", intent.chargeId());
        json.put("object", "charge");
        json.put("amount", terms.amount().minorUnits());
        json.put("amount_captured", terms.amount().minorUnits());
        json.put("amount_refunded", intent.amountRefunded());
        json.put("captured", true);
        json.put("created", intent.chargedAt().getEpochSecond());
        json.put("currency", currency(terms));
        json.put("livemode", false);
        json.put("metadata", metadata(terms));
        json.put("paid", true);
        json.put("payment_intent", terms.reference());
        json.put("payment_method", intent.paymentMethod());
        json.put("receipt_email", terms.receiptEmail());
        json.put("refunded", intent.amountRefunded() == terms.amount().minorUnits());
        json.put("status", "succeeded");
        return json;
    }

    /** One of the intent's refunds, as Stripe's refund events carry it (the charge not expanded). */
    static Map<String, Object> refund(SandboxIntent intent, SandboxIntent.SandboxRefund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", refund.id());
        json.put("object", "refund");
        json.put("amount", refund.amount());
        json.put("charge", intent.chargeId());
        json.put("created", refund.createdAt().getEpochSecond());
        json.put("currency", currency(intent.terms()));
        json.put("failure_reason", refund.failureReason());
        json.put("metadata", Map.of("refund_id", refund.idempotencyKey()));
        json.put("payment_intent", intent.terms().reference());
        json.put("status", refund.failed() ? "failed" : "succeeded");
        return json;
    }

    private static String currency(Terms terms) {
        return terms.amount().currency().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> metadata(Terms terms) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("payment_id", terms.paymentId().value());
        metadata.put("service_type", terms.serviceType());
        return metadata;
    }

    private static Map<String, Object> error(SandboxPaymentError error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", error.code());
        json.put("decline_code", error.declineCode());
        json.put("doc_url", "https://stripe.com/docs/error-codes/" + error.code().replace('_', '-'));
        json.put("message", error.message());
        json.put("type", error.type());
        return json;
    }
}
