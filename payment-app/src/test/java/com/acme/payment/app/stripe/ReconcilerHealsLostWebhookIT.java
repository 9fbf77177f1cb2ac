package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.stripe.StripeApiStub.Call;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase.Report;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A customer pays, Stripe's webhook never arrives, and the reconciler asks Stripe and applies its answer:
 * the app in Stripe mode against the stub, with no webhook delivered.
 */
class ReconcilerHealsLostWebhookIT extends AbstractStripeModeIT {

    @Autowired
    ReconcilePaymentsUseCase reconciler;

    @Test
    void a_success_whose_webhook_was_lost_is_applied_by_the_reconciler_with_one_receipt() {
        String clientKey = "checkout-" + UUID.randomUUID();
        HttpResponse<String> created = postJson(CREATE_INTENT, paymentRequest(4200, "EUR"),
                Map.of("Idempotency-Key", clientKey));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String paymentId = body(created).get("paymentId").asString();
        StripeApiStub.Intent intent = STRIPE.intentFor(paymentId);
        assertThat(body(created).get("status").asString()).isEqualTo("pending");
        assertThat(body(created).get("clientSecret").asString()).isEqualTo(intent.clientSecret());

        List<Call> creates = STRIPE.calls("POST", "/v1/payment_intents").stream()
                .filter(call -> paymentId.equals(call.params().get("metadata[payment_id]"))).toList();
        assertThat(creates).singleElement().satisfies(call -> {
            assertThat(call.params()).containsAllEntriesOf(Map.of(
                    "amount", "4200",
                    "currency", "eur",
                    "metadata[payment_id]", paymentId,
                    "metadata[service_type]", "microwave",
                    "automatic_payment_methods[enabled]", "true",
                    "receipt_email", "katherine@example.com"));
            // keyed on our payment id, not the browser's key: a retry after a timeout finds the same intent
            assertThat(call.header("Idempotency-Key")).isEqualTo("create-intent-" + paymentId);
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
        });
        assertThat(status(paymentId).get("status").asString()).isEqualTo("pending");

        STRIPE.succeed(intent.id());
        Report report = reconciler.reconcile();

        assertThat(report.updated()).isGreaterThanOrEqualTo(1);
        assertThat(STRIPE.calls("GET", "/v1/payment_intents/" + intent.id()))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.params()).containsEntry("expand[0]", "latest_charge"));
        JsonNode status = status(paymentId);
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("transactionId").asString()).isEqualTo(intent.chargeId());
        assertThat(reconcilerChanges(paymentId)).singleElement().satisfies(change -> {
            assertThat(change.get("from").asString()).isEqualTo("pending");
            assertThat(change.get("to").asString()).isEqualTo("succeeded");
            assertThat(change.get("applied").asBoolean()).isTrue();
        });
        assertThat(outboxRows(paymentId, "receipt")).isEqualTo(1);
        assertThat(adminGet("/actuator/prometheus").body()).as("counted like webhooks, by source")
                .contains("gateway_events_total{outcome=\"applied\",source=\"reconciler\"}");

        int retrievals = STRIPE.calls("GET", "/v1/payment_intents/" + intent.id()).size();
        reconciler.reconcile();

        // resolved payments are not asked about again, and nothing is applied or sent twice
        assertThat(STRIPE.calls("GET", "/v1/payment_intents/" + intent.id())).hasSize(retrievals);
        assertThat(reconcilerChanges(paymentId)).hasSize(1);
        assertThat(outboxRows(paymentId, "receipt")).isEqualTo(1);
    }

    @Test
    void a_decline_whose_webhook_was_lost_is_applied_with_a_customer_safe_reason_and_one_notice() {
        Created payment = createPayment(1250, "USD");
        STRIPE.decline(payment.intentId(), "insufficient_funds", "Your card has insufficient funds.");

        reconciler.reconcile();

        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("failed");
        assertThat(status.get("failureMessage").asString()).isEqualTo("Your card has insufficient funds.");
        assertThat(status.get("transactionId").isNull()).isTrue();
        assertThat(reconcilerChanges(payment.paymentId())).extracting(change -> change.get("to").asString())
                .containsExactly("failed");
        assertThat(outboxRows(payment.paymentId(), "failure_notice")).isEqualTo(1);
        assertThat(outboxRows(payment.paymentId(), "receipt")).isZero();
    }

    @Test
    void while_stripe_cannot_answer_the_reconciler_leaves_the_payment_as_it_was_and_heals_it_later() {
        Created payment = createPayment(1250, "USD");
        STRIPE.succeed(payment.intentId());
        STRIPE.answerAlways("GET", "/v1/payment_intents/" + payment.intentId(), 500,
                StripeApiStub.error("api_error", null, "An unknown error occurred"));

        Report duringOutage = reconciler.reconcile();

        assertThat(duringOutage.failed()).isGreaterThanOrEqualTo(1);
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("pending");
        assertThat(reconcilerChanges(payment.paymentId())).isEmpty();
        assertThat(outboxRows(payment.paymentId(), "receipt")).isZero();

        STRIPE.answerNormally();
        reconciler.reconcile();

        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");
        assertThat(outboxRows(payment.paymentId(), "receipt")).isEqualTo(1);
    }

    /** The payment's audit trail entries made by the reconciler, from the admin detail endpoint. */
    private List<JsonNode> reconcilerChanges(String paymentId) {
        HttpResponse<String> detail = adminGet("/api/admin/payments/" + paymentId);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        return body(detail).get("history").valueStream()
                .filter(change -> "reconciler".equals(change.get("source").asString()))
                .toList();
    }
}
