package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.StripeEvents;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The merchant's answers to a dispute reach Stripe's dispute API (the stub) and what Stripe answers is stored. */
class StripeModeDisputeIT extends AbstractStripeModeIT {

    @Test
    void evidence_goes_to_stripe_with_the_key_and_a_close_that_met_a_stripe_outage_works_when_retried() {
        Created payment = succeededPayment(3100);
        String disputeId = STRIPE.openDispute(payment.intentId());
        String created = StripeEvents.dispute(StripeEvents.newEventId(), "charge.dispute.created", disputeId,
                payment.intentId(), "needs_response", 3100, Instant.now().getEpochSecond(), true);
        HttpResponse<String> delivered = postJson("/api/payment/stripe/webhook", created,
                Map.of("Stripe-Signature", StripeEvents.signature(created, WEBHOOK_SECRET)));
        assertThat(body(delivered).get("outcome").asString()).isEqualTo("applied");

        String evidenceKey = UUID.randomUUID().toString();
        HttpResponse<String> evidence = adminPost("/api/admin/disputes/" + disputeId + "/evidence", evidenceKey,
                "{\"productDescription\":\"Fibre installation\",\"uncategorizedText\":\"Signed delivery note\","
                        + "\"submit\":true}");

        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
        assertThat(body(evidence).get("status").asString()).isEqualTo("under_review");
        assertThat(body(evidence).get("evidenceSubmittedBy").asString()).isEqualTo("admin");
        StripeApiStub.Call sent = STRIPE.calls("POST", "/v1/disputes/" + disputeId).get(0);
        assertThat(sent.params()).containsEntry("evidence[product_description]", "Fibre installation")
                .containsEntry("evidence[uncategorized_text]", "Signed delivery note")
                .containsEntry("submit", "true");
        assertThat(sent.header("Idempotency-Key")).isEqualTo(evidenceKey);

        String closeKey = UUID.randomUUID().toString();
        STRIPE.answerAlways("POST", "/v1/disputes/" + disputeId + "/close", 500,
                StripeApiStub.error("api_error", null, "An unknown error occurred"));
        HttpResponse<String> outage = adminPost("/api/admin/disputes/" + disputeId + "/close", closeKey, "{}");

        assertThat(outage.statusCode()).as(outage.body()).isIn(502, 503);
        assertThat(outage.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(dispute(payment.paymentId()).get("status").asString()).as("unchanged").isEqualTo("under_review");
        assertThat(dispute(payment.paymentId()).get("closedBy").isNull()).isTrue();

        STRIPE.answerNormally();
        HttpResponse<String> retried = adminPost("/api/admin/disputes/" + disputeId + "/close", closeKey, "{}");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(body(retried).get("status").asString()).isEqualTo("lost");
        assertThat(body(retried).get("closedBy").asString()).isEqualTo("admin");
        assertThat(STRIPE.calls("POST", "/v1/disputes/" + disputeId + "/close"))
                .allSatisfy(call -> assertThat(call.header("Idempotency-Key")).isEqualTo(closeKey));
        assertThat(adminPost("/api/admin/disputes/" + disputeId + "/close", UUID.randomUUID().toString(), "{}")
                .statusCode()).as("already closed").isEqualTo(409);
        assertThat(outboxRows(payment.paymentId(), "dispute_closed")).as("one mail, though the close was retried")
                .isEqualTo(1);
    }

    private JsonNode dispute(String paymentId) {
        return body(adminGet("/api/admin/payments/" + paymentId)).get("disputes").get(0);
    }
}
