package com.acme.payment.adapter.sandbox;

import static com.acme.payment.domain.model.StripeIntentStatus.REQUIRES_ACTION;
import static com.acme.payment.domain.model.StripeIntentStatus.SUCCEEDED;

import com.acme.payment.adapter.sandbox.SandboxIntent.Terms;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.out.HostedCheckout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sandbox intents and sessions written as Stripe's API writes its objects, ready for {@link SandboxJson}. */
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

    /** A dispute on the intent's charge; its balance transactions say what money moved. */
    static Map<String, Object> dispute(String id, SandboxIntent intent, String status, Instant created, Instant dueBy,
                                       boolean withdrawn, boolean reinstated) {
        Terms terms = intent.terms();
        long amount = terms.amount().minorUnits();
        List<Map<String, Object>> moves = new ArrayList<>();
        if (withdrawn) {
            moves.add(balanceTransaction(-amount, "dispute", terms));
        }
        if (reinstated) {
            moves.add(balanceTransaction(amount, "dispute_reversal", terms));
        }
        Map<String, Object> evidenceDetails = new LinkedHashMap<>();
        evidenceDetails.put("due_by", dueBy.getEpochSecond());
        evidenceDetails.put("has_evidence", false);
        evidenceDetails.put("past_due", false);
        evidenceDetails.put("submission_count", 0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "dispute");
        json.put("amount", amount);
        json.put("balance_transactions", moves);
        json.put("charge", intent.chargeId());
        json.put("created", created.getEpochSecond());
        json.put("currency", currency(terms));
        json.put("evidence_details", evidenceDetails);
        json.put("is_charge_refundable", false);
        json.put("livemode", false);
        json.put("metadata", Map.of());
        json.put("payment_intent", terms.reference());
        json.put("reason", "fraudulent");
        json.put("status", status);
        return json;
    }

    private static Map<String, Object> balanceTransaction(long amount, String category, Terms terms) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", SandboxIds.next("txn_sandbox_"));
        json.put("object", "balance_transaction");
        json.put("amount", amount);
        json.put("currency", currency(terms));
        json.put("reporting_category", category);
        json.put("type", "adjustment");
        return json;
    }

    /** A Checkout Session in payment mode; the caller holds the session's lock. */
    static Map<String, Object> checkoutSession(SandboxCheckoutSession session) {
        SandboxCheckoutSession.Terms terms = session.terms();
        Payment payment = terms.payment();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", terms.id());
        json.put("object", "checkout.session");
        json.put("amount_subtotal", payment.amount().minorUnits());
        json.put("amount_total", payment.amount().minorUnits());
        json.put("cancel_url", terms.cancelUrl());
        json.put("client_reference_id", payment.id().value());
        json.put("created", terms.createdAt().getEpochSecond());
        json.put("currency", payment.amount().currency().toLowerCase(Locale.ROOT));
        json.put("customer_details", session.paid() ? Map.of("email", payment.customer().email()) : null);
        json.put("customer_email", payment.customer().email());
        json.put("expires_at", terms.expiresAt().getEpochSecond());
        json.put("livemode", false);
        json.put("metadata", Map.of("payment_id", payment.id().value()));
        json.put("mode", "payment");
        json.put("payment_intent", session.intent() == null ? null : session.intent().terms().reference());
        json.put("payment_method_types", List.of("card"));
        json.put("payment_status", session.paid() ? "paid" : "unpaid");
        json.put("status", sessionStatus(session));
        json.put("success_url", terms.successUrl());
        json.put("url", session.state() == HostedCheckout.State.OPEN ? terms.url() : null);
        return json;
    }

    /** Stripe's spelling of the session's status: {@code open}, {@code complete}, {@code expired}. */
    static String sessionStatus(SandboxCheckoutSession session) {
        return session.state().name().toLowerCase(Locale.ROOT);
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
