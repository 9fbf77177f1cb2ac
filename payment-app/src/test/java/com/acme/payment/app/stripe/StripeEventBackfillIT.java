package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.eventlog.WebhookEndpointsCheck;
import com.acme.payment.app.stripe.StripeApiStub.Call;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Backfill from Stripe's Events API (the stub), and the start-up check of the webhook endpoints. */
@ExtendWith(OutputCaptureExtension.class)
class StripeEventBackfillIT extends AbstractStripeModeIT {

    @Autowired
    WebhookEndpointsCheck webhookEndpoints;

    @Test
    void backfill_after_50_undelivered_events_applies_each_once_and_a_second_backfill_applies_none() {
        Instant since = Instant.now().minusSeconds(1);
        List<Created> payments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Created payment = createPayment(1000 + i, "USD");
            STRIPE.succeed(payment.intentId());
            STRIPE.createSucceededEvent(payment.intentId()); // the endpoint was down: never delivered
            payments.add(payment);
        }
        STRIPE.createEvent("customer.created", "{\"id\": \"cus_1Stub\", \"object\": \"customer\"}");
        int listCallsBefore = STRIPE.calls("GET", "/v1/events").size();

        JsonNode first = backfill(since);

        assertThat(first.get("seen").asInt()).isEqualTo(50);
        assertThat(first.get("applied").asInt()).isEqualTo(50);
        assertThat(first.get("failed").asInt()).isZero();
        assertThat(payments).allSatisfy(payment -> {
            assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");
            assertThat(status(payment.paymentId()).get("transactionId").asString())
                    .isEqualTo(STRIPE.intentFor(payment.paymentId()).chargeId());
            assertThat(outboxRows(payment.paymentId(), "receipt")).isEqualTo(1);
        });
        List<Call> listed = STRIPE.calls("GET", "/v1/events").subList(listCallsBefore,
                STRIPE.calls("GET", "/v1/events").size());
        assertThat(listed).as("50 events in pages of 20").hasSize(3);
        assertThat(listed.get(0).params()).containsEntry("created[gte]", Long.toString(since.getEpochSecond()))
                .containsEntry("types[2]", "payment_intent.succeeded").doesNotContainKey("starting_after");
        assertThat(listed.get(2).params()).containsKey("starting_after");

        JsonNode second = backfill(since);

        assertThat(second.get("seen").asInt()).isEqualTo(50);
        assertThat(second.get("applied").asInt()).isZero();
        assertThat(second.get("duplicate").asInt()).isEqualTo(50);
        assertThat(payments).allSatisfy(payment ->
                assertThat(outboxRows(payment.paymentId(), "receipt")).isEqualTo(1));
    }

    @Test
    void stripe_failing_the_events_list_is_a_503_problem_and_handles_nothing() {
        STRIPE.answerAlways("GET", "/v1/events", 500, StripeApiStub.error("api_error", null, "An unknown error occurred"));

        HttpResponse<String> response = postJson("/api/admin/events/backfill",
                "{\"since\":\"" + Instant.now().minusSeconds(60) + "\"}", Map.of("Authorization", adminAuthorization()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:gateway-unavailable");
    }

    @Test
    void event_types_no_enabled_webhook_endpoint_sends_are_a_warning_and_a_health_detail_not_down(
            CapturedOutput output) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                body(get("/actuator/health/stripe-webhooks")).toString().contains("missingEventTypes"));

        JsonNode health = body(get("/actuator/health/stripe-webhooks"));
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.toString()).contains("charge.dispute.created").doesNotContain("payment_intent.succeeded");
        assertThat(body(get("/actuator/health")).get("status").asString()).isEqualTo("UP");

        webhookEndpoints.check();

        assertThat(output.getOut()).containsPattern("WARN .*No enabled Stripe webhook endpoint .*charge\\.dispute\\.created");
    }

    private JsonNode backfill(Instant since) {
        HttpResponse<String> response = postJson("/api/admin/events/backfill", "{\"since\":\"" + since + "\"}",
                Map.of("Authorization", adminAuthorization()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }
}
