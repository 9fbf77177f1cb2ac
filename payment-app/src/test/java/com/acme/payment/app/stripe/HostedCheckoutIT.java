package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.StripeEvents;
import com.acme.payment.app.stripe.StripeApiStub.Call;
import com.acme.payment.app.stripe.StripeApiStub.Session;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Stripe Checkout, the hosted page: the app in Stripe mode against the stub, with Stripe's signed
 * {@code checkout.session.*} and {@code payment_intent.*} events delivered in the orders Stripe may send them.
 */
class HostedCheckoutIT extends AbstractStripeModeIT {

    static final String CHECKOUT_SESSION = "/api/payment/stripe/checkout-session";

    @Autowired
    ReconcilePaymentsUseCase reconciler;

    @Value("${payment.public-url}")
    String publicUrl;

    @Test
    void a_checkout_session_is_created_for_the_payment_and_the_same_key_returns_the_same_open_session() {
        String key = "hosted-" + UUID.randomUUID();
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> created = startCheckout(key);
        HttpResponse<String> again = startCheckout(key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String paymentId = body(created).get("paymentId").asString();
        Session session = STRIPE.sessionsFor(paymentId).get(0);
        assertThat(body(created).get("url").asString()).isEqualTo(session.url()).startsWith("https://checkout.stripe");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(body(again).get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(body(again).get("url").asString()).isEqualTo(session.url());
        List<Call> creates = STRIPE.calls("POST", "/v1/checkout/sessions").stream()
                .filter(call -> paymentId.equals(call.params().get("client_reference_id"))).toList();
        assertThat(creates).singleElement().satisfies(call -> {
            String page = publicUrl + "/payment/" + paymentId;
            assertThat(call.params()).containsAllEntriesOf(Map.ofEntries(
                    Map.entry("mode", "payment"),
                    Map.entry("line_items[0][quantity]", "1"),
                    Map.entry("line_items[0][price_data][unit_amount]", "4200"),
                    Map.entry("line_items[0][price_data][currency]", "eur"),
                    Map.entry("line_items[0][price_data][product_data][name]", "Microwave Network"),
                    Map.entry("customer_email", "katherine@example.com"),
                    Map.entry("metadata[payment_id]", paymentId),
                    Map.entry("payment_intent_data[metadata][payment_id]", paymentId),
                    Map.entry("success_url", page + "?session_id={CHECKOUT_SESSION_ID}"),
                    Map.entry("cancel_url", page + "?canceled=1")));
            assertThat(Long.parseLong(call.params().get("expires_at"))).isGreaterThanOrEqualTo(before + 30 * 60);
            assertThat(call.header("Idempotency-Key")).isEqualTo("checkout-session-" + paymentId);
        });
        assertThat(status(paymentId).get("status").asString()).isEqualTo("pending");
        assertThat(postJson(CREATE_INTENT, paymentRequest(4200, "EUR"), Map.of("Idempotency-Key", key)).statusCode())
                .as("the key cannot also start an embedded payment").isEqualTo(409);
    }

    @Test
    void invalid_input_is_a_problem_naming_the_field_and_opens_no_session() {
        int sessions = STRIPE.calls("POST", "/v1/checkout/sessions").size();

        HttpResponse<String> invalid = postJson(CHECKOUT_SESSION, paymentRequest(4200, "EUR")
                .replace("katherine@example.com", "not-an-email"), Map.of());

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(invalid).get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("email");
        assertThat(STRIPE.calls("POST", "/v1/checkout/sessions")).hasSize(sessions);
    }

    @Test
    void a_paid_completed_session_succeeds_with_its_payment_intents_charge_once_however_often_it_is_delivered() {
        String paymentId = startedPayment();
        Session paid = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), true);
        String event = StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed", paid.json());

        assertThat(deliver(event)).isEqualTo("applied");
        assertThat(deliver(event)).isEqualTo("duplicate");

        JsonNode status = status(paymentId);
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("transactionId").asString()).isEqualTo(STRIPE.intent(paid.paymentIntent()).chargeId());
        assertThat(outboxRows(paymentId, "receipt")).isEqualTo(1);
    }

    @Test
    void payment_intent_succeeded_before_checkout_session_completed_changes_the_payment_once() {
        String paymentId = startedPayment();
        Session paid = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), true);
        StripeApiStub.Intent intent = STRIPE.intent(paid.paymentIntent());

        String intentSucceeded = deliver(StripeEvents.event(StripeEvents.newEventId(), "payment_intent.succeeded",
                intent.json(false)));
        String sessionCompleted = deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                paid.json()));

        assertThat(intentSucceeded).isEqualTo("applied");
        assertThat(sessionCompleted).isEqualTo("stale");
        assertThat(status(paymentId).get("transactionId").asString()).isEqualTo(intent.chargeId());
        assertThat(history(paymentId)).filteredOn(change -> change.get("applied").asBoolean())
                .extracting(change -> change.get("to").asString()).containsExactly("pending", "succeeded");
        assertThat(outboxRows(paymentId, "receipt")).isEqualTo(1);
    }

    @Test
    void a_delayed_method_is_processing_until_its_async_payment_succeeds() {
        String paymentId = startedPayment();
        Session completed = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), false);

        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed",
                completed.json()))).isEqualTo("applied");
        assertThat(status(paymentId).get("status").asString()).isEqualTo("processing");

        STRIPE.succeed(completed.paymentIntent());
        Session paid = STRIPE.session(completed.id()).with("complete", "paid", completed.paymentIntent());
        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.async_payment_succeeded",
                paid.json()))).isEqualTo("applied");
        JsonNode status = status(paymentId);
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("transactionId").asString())
                .isEqualTo(STRIPE.intent(completed.paymentIntent()).chargeId());
    }

    @Test
    void a_delayed_method_that_fails_fails_the_payment_with_a_customer_safe_reason() {
        String paymentId = startedPayment();
        Session completed = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), false);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed", completed.json()));

        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.async_payment_failed",
                completed.json()))).isEqualTo("applied");

        JsonNode status = status(paymentId);
        assertThat(status.get("status").asString()).isEqualTo("failed");
        assertThat(status.get("failureMessage").asString()).isNotBlank();
    }

    @Test
    void an_expired_session_cancels_the_payment_and_its_key_then_answers_409() {
        String key = "hosted-" + UUID.randomUUID();
        String paymentId = body(startCheckout(key)).get("paymentId").asString();
        Session expired = STRIPE.expire(STRIPE.sessionsFor(paymentId).get(0).id());

        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.expired",
                expired.json()))).isEqualTo("applied");

        assertThat(status(paymentId).get("status").asString()).isEqualTo("canceled");
        HttpResponse<String> retry = startCheckout(key);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_retry_after_the_session_expired_opens_a_new_session_for_the_same_payment_and_the_old_ones_expiry_is_stale() {
        String key = "hosted-" + UUID.randomUUID();
        String paymentId = body(startCheckout(key)).get("paymentId").asString();
        Session first = STRIPE.expire(STRIPE.sessionsFor(paymentId).get(0).id());

        HttpResponse<String> retry = startCheckout(key);

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(body(retry).get("paymentId").asString()).isEqualTo(paymentId);
        List<Session> sessions = STRIPE.sessionsFor(paymentId);
        assertThat(sessions).hasSize(2);
        Session second = sessions.get(1);
        assertThat(body(retry).get("url").asString()).isEqualTo(second.url());
        assertThat(STRIPE.calls("POST", "/v1/checkout/sessions")).filteredOn(call ->
                paymentId.equals(call.params().get("client_reference_id"))).last().satisfies(call ->
                assertThat(call.header("Idempotency-Key")).isEqualTo("checkout-session-" + paymentId + "-after-"
                        + first.id()));

        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.expired", first.json())))
                .isEqualTo("stale");
        assertThat(status(paymentId).get("status").asString()).isEqualTo("pending");
        Session paid = STRIPE.pay(second.id(), true);
        assertThat(deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed", paid.json())))
                .isEqualTo("applied");
        assertThat(status(paymentId).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void a_paid_payment_cannot_be_checked_out_again_but_can_be_refunded() {
        String key = "hosted-" + UUID.randomUUID();
        String paymentId = body(startCheckout(key)).get("paymentId").asString();
        Session paid = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), true);
        deliver(StripeEvents.event(StripeEvents.newEventId(), "checkout.session.completed", paid.json()));

        HttpResponse<String> retry = startCheckout(key);
        HttpResponse<String> refund = adminRefund(paymentId, "refund-" + UUID.randomUUID(), "{\"amount\": 1000}");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
        assertThat(body(retry).get("detail").asString()).contains("already been paid");
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(STRIPE.calls("POST", "/v1/refunds")).last().satisfies(call ->
                assertThat(call.params()).containsEntry("payment_intent", paid.paymentIntent()));
        assertThat(status(paymentId).get("status").asString()).isEqualTo("partially_refunded");
    }

    @Test
    void an_admin_cancel_expires_the_open_session() {
        String paymentId = startedPayment();
        String sessionId = STRIPE.sessionsFor(paymentId).get(0).id();

        HttpResponse<String> canceled = adminPost("/api/admin/payments/" + paymentId + "/cancel");

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(STRIPE.calls("POST", "/v1/checkout/sessions/" + sessionId + "/expire")).hasSize(1);
        assertThat(STRIPE.session(sessionId).status()).isEqualTo("expired");
        assertThat(status(paymentId).get("status").asString()).isEqualTo("canceled");
    }

    @Test
    void a_lost_checkout_session_completed_is_healed_by_the_reconciler_from_the_session_and_its_payment_intent() {
        String paymentId = startedPayment();
        Session paid = STRIPE.pay(STRIPE.sessionsFor(paymentId).get(0).id(), true);

        reconciler.reconcile();

        assertThat(STRIPE.calls("GET", "/v1/checkout/sessions/" + paid.id())).isNotEmpty();
        assertThat(STRIPE.calls("GET", "/v1/payment_intents/" + paid.paymentIntent())).isNotEmpty();
        JsonNode status = status(paymentId);
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("transactionId").asString()).isEqualTo(STRIPE.intent(paid.paymentIntent()).chargeId());
        assertThat(outboxRows(paymentId, "receipt")).isEqualTo(1);
    }

    @Test
    void the_reconciler_cancels_a_payment_whose_session_expired_without_its_event() {
        String paymentId = startedPayment();
        STRIPE.expire(STRIPE.sessionsFor(paymentId).get(0).id());

        reconciler.reconcile();

        assertThat(status(paymentId).get("status").asString()).isEqualTo("canceled");
    }

    private String startedPayment() {
        HttpResponse<String> created = startCheckout("hosted-" + UUID.randomUUID());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("paymentId").asString();
    }

    private HttpResponse<String> startCheckout(String idempotencyKey) {
        return postJson(CHECKOUT_SESSION, paymentRequest(4200, "EUR"), Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Delivers a signed event as Stripe does; answers the outcome the app acknowledged. */
    private String deliver(String event) {
        HttpResponse<String> delivered = postJson("/api/payment/stripe/webhook", event,
                Map.of("Stripe-Signature", StripeEvents.signature(event, WEBHOOK_SECRET)));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        return body(delivered).get("outcome").asString();
    }

    private List<JsonNode> history(String paymentId) {
        HttpResponse<String> detail = adminGet("/api/admin/payments/" + paymentId);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        return body(detail).get("history").valueStream().toList();
    }
}
