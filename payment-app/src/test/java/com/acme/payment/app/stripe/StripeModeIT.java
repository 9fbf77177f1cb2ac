package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.StripeEvents;
import com.acme.payment.app.stripe.StripeApiStub.Call;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** What changes when the Stripe keys are set: the page's config, the sandbox's absence, refunds and Stripe's errors. */
class StripeModeIT extends AbstractStripeModeIT {

    private static final String REFUNDS = "/v1/refunds";

    /**
     * A 5xx leaves the outcome unknown (Stripe may have refunded): the refund stays pending with its amount
     * reserved, so it cannot be refunded again, and a retry with the same Idempotency-Key settles it with the
     * same Stripe key. stripe-java itself retries 5xx with the same key first.
     */
    @Test
    void a_refund_whose_outcome_is_unknown_stays_pending_until_a_retry_with_its_key_settles_it() {
        Created payment = succeededPayment(1250);
        String adminKey = UUID.randomUUID().toString();
        STRIPE.answerAlways("POST", REFUNDS, 500, StripeApiStub.error("api_error", null, "An unknown error occurred"));

        HttpResponse<String> unknown = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500}");

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(503);
        assertThat(body(unknown).get("type").asString()).isEqualTo("urn:payment:problem:gateway-unavailable");
        assertThat(jdbc.sql("select status from refunds where payment_id = ?").param(payment.paymentId())
                .query(String.class).list()).containsExactly("pending");
        assertThat(jdbc.sql("select refunded_amount, refund_reserved_amount from payments where payment_id = ?")
                .param(payment.paymentId()).query((row, n) -> List.of(row.getLong(1), row.getLong(2))).single())
                .containsExactly(0L, 500L);
        HttpResponse<String> everything = adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{\"amount\":1250}");
        assertThat(everything.statusCode()).as("the reserved 500 cannot be refunded a second time").isEqualTo(409);

        STRIPE.answerNormally();
        HttpResponse<String> settled = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500}");

        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        assertThat(body(settled).get("status").asString()).isEqualTo("succeeded");
        List<Call> attempts = refundCalls(payment.intentId());
        assertThat(attempts).hasSizeGreaterThan(1);
        assertThat(attempts).extracting(call -> call.header("Idempotency-Key")).containsOnly(
                attempts.get(0).header("Idempotency-Key"));
        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(jdbc.sql("select refund_reserved_amount from payments where payment_id = ?")
                .param(payment.paymentId()).query(Long.class).single()).isZero();
    }

    @Test
    void a_live_mode_event_is_refused_with_a_test_key_and_changes_nothing() {
        Created payment = createPayment(1250, "USD");
        String event = StripeEvents.paymentIntentEvent(StripeEvents.newEventId(), "payment_intent.succeeded",
                payment.intentId(), "succeeded", 1250, "").replaceFirst("\"livemode\": false", "\"livemode\": true");

        HttpResponse<String> response = postJson("/api/payment/stripe/webhook", event,
                Map.of("Stripe-Signature", StripeEvents.signature(event, WEBHOOK_SECRET)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:invalid-signature");
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void the_config_says_stripe_with_the_publishable_key_and_no_test_cards_or_secrets() {
        HttpResponse<String> response = get("/api/payment/config");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode config = body(response);
        assertThat(config.get("mode").asString()).isEqualTo("stripe");
        assertThat(config.get("publishableKey").asString()).isEqualTo(PUBLISHABLE_KEY);
        assertThat(config.path("testCards")).isEmpty();
        assertThat(response.body()).doesNotContain(SECRET_KEY).doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void the_sandbox_card_form_endpoints_do_not_exist() {
        Created payment = createPayment(1250, "USD");
        String clientSecret = payment.response().get("clientSecret").asString();

        for (String action : List.of("confirm", "authenticate")) {
            HttpResponse<String> response = postJson("/api/payment/sandbox/payments/" + payment.paymentId() + "/"
                    + action, "{\"clientSecret\":\"" + clientSecret + "\",\"cardNumber\":\"4242424242424242\","
                    + "\"expiry\":\"12/34\",\"cvc\":\"123\",\"approve\":true}", Map.of());

            assertThat(response.statusCode()).as(action).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:not-found");
        }
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void an_admin_refund_asks_stripe_once_for_that_amount_and_leaves_the_payment_partially_refunded() {
        Created payment = succeededPayment(1250);
        String adminKey = UUID.randomUUID().toString();

        HttpResponse<String> refund = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500,\"reason\":\"late\"}");

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        String refundId = body(refund).get("refundId").asString();
        assertThat(body(refund).get("status").asString()).isEqualTo("succeeded");
        assertThat(body(refund).get("amount").asLong()).isEqualTo(500);
        assertThat(refundCalls(payment.intentId())).singleElement().satisfies(call -> {
            assertThat(call.params()).containsAllEntriesOf(Map.of(
                    "payment_intent", payment.intentId(),
                    "amount", "500",
                    "expand[0]", "charge"));
            assertThat(call.header("Idempotency-Key")).isEqualTo("refund-" + refundId);
        });
        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(outboxRows(payment.paymentId(), "refund_notice")).isEqualTo(1);

        HttpResponse<String> replay = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500,\"reason\":\"late\"}");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(body(replay).get("refundId").asString()).isEqualTo(refundId);
        assertThat(refundCalls(payment.intentId())).hasSize(1);
        assertThat(status(payment.paymentId()).get("refundedAmount").asLong()).isEqualTo(500);
    }

    /** Definite refusals: Stripe made no refund, so the reservation is released. */
    @ParameterizedTest(name = "Stripe answers {0} {1}: {3} {2}")
    @CsvSource({
            "402, card_error, gateway-error, 502, false",
            "429, rate_limit, gateway-unavailable, 503, false"})
    void a_refund_stripe_refuses_is_a_problem_and_leaves_the_refund_failed_and_the_payment_refundable(
            int stripeStatus, String stripeError, String problem, int expectedStatus, boolean retried) {
        Created payment = succeededPayment(1250);
        STRIPE.answerAlways("POST", REFUNDS, stripeStatus, switch (stripeError) {
            case "card_error" -> "{\"error\": " + StripeApiStub.cardError("card_declined", "generic_decline",
                    "Your card was declined.") + "}";
            case "rate_limit" -> StripeApiStub.error("invalid_request_error", "rate_limit",
                    "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.");
            default -> StripeApiStub.error("api_error", null, "An unknown error occurred");
        });

        HttpResponse<String> refused = adminRefund(payment.paymentId(), UUID.randomUUID().toString(),
                "{\"amount\":500}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(expectedStatus);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = body(refused);
        assertThat(body.get("type").asString()).isEqualTo("urn:payment:problem:" + problem);
        assertThat(body.get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(body.get("detail").asString()).isNotBlank().doesNotContain("HTTP").doesNotContain("sk_test");
        List<Call> attempts = refundCalls(payment.intentId());
        if (retried) {
            assertThat(attempts).hasSizeGreaterThan(1);
        } else {
            assertThat(attempts).hasSize(1);
        }
        // every attempt carries the same key, so Stripe would make the refund at most once
        assertThat(attempts).extracting(call -> call.header("Idempotency-Key")).containsOnly(
                attempts.get(0).header("Idempotency-Key"));

        assertThat(jdbc.sql("select status from refunds where payment_id = ?").param(payment.paymentId())
                .query(String.class).list()).containsExactly("failed");
        assertThat(jdbc.sql("select refunded_amount, refund_reserved_amount from payments where payment_id = ?")
                .param(payment.paymentId()).query((row, n) -> List.of(row.getLong(1), row.getLong(2))).single())
                .containsExactly(0L, 0L);
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");
        assertThat(outboxRows(payment.paymentId(), "refund_notice")).isZero();

        STRIPE.answerNormally();
        HttpResponse<String> whole = adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{}");

        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(1250);
    }

    @Test
    void when_stripe_cannot_create_the_intent_the_customer_gets_503_and_the_payment_waits_without_one() {
        STRIPE.answerAlways("POST", "/v1/payment_intents", 500,
                StripeApiStub.error("api_error", null, "An unknown error occurred"));
        String clientKey = "checkout-" + UUID.randomUUID();

        HttpResponse<String> refused = postJson(CREATE_INTENT, paymentRequest(1250, "USD"),
                Map.of("Idempotency-Key", clientKey));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(body(refused).get("type").asString()).isEqualTo("urn:payment:problem:gateway-unavailable");
        assertThat(jdbc.sql("select status || ' ' || coalesce(gateway_reference, 'none') from payments "
                + "where idempotency_key = ?").param(clientKey).query(String.class).single()).isEqualTo("pending none");

        STRIPE.answerNormally();
        HttpResponse<String> retried = postJson(CREATE_INTENT, paymentRequest(1250, "USD"),
                Map.of("Idempotency-Key", clientKey));

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        String paymentId = body(retried).get("paymentId").asString();
        assertThat(body(retried).get("clientSecret").asString()).isEqualTo(STRIPE.intentFor(paymentId).clientSecret());
        assertThat(jdbc.sql("select count(*) from payments where idempotency_key = ?").param(clientKey)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static List<Call> refundCalls(String intentId) {
        return STRIPE.calls("POST", REFUNDS).stream()
                .filter(call -> intentId.equals(call.params().get("payment_intent"))).toList();
    }
}
