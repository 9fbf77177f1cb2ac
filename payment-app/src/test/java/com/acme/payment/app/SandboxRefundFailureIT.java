package com.acme.payment.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's card 4000 0000 0000 5126 pays, and a refund of it fails later, as in Stripe's test mode: the sandbox
 * signs {@code refund.failed} and {@code charge.refund.updated} and delivers both through the webhook endpoint.
 */
class SandboxRefundFailureIT extends AbstractAppIT {

    @Test
    void a_refund_of_a_payment_made_with_the_refund_fails_card_fails_later_and_the_payment_is_succeeded_again() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\",\"amount\":1250,"
                        + "\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String paymentId = body(created).get("paymentId").asString();
        HttpResponse<String> confirmed = postJson("/api/payment/sandbox/payments/" + paymentId + "/confirm",
                "{\"clientSecret\":\"" + body(created).get("clientSecret").asString() + "\","
                        + "\"cardNumber\":\"4000 0000 0000 5126\",\"expiry\":\"12/34\",\"cvc\":\"123\"}", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        awaitStatus(paymentId, "succeeded");

        HttpResponse<String> refund = send(HttpRequest.newBuilder(uri("/api/admin/payments/" + paymentId + "/refunds"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(body(refund).get("status").asString()).isEqualTo("succeeded");

        JsonNode detail = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(adminGet("/api/admin/payments/" + paymentId)),
                        payment -> "failed".equals(payment.get("refunds").get(0).get("status").asString()));
        assertThat(detail.get("status").asString()).isEqualTo("succeeded");
        assertThat(detail.get("refundedAmount").asLong()).isZero();
        assertThat(detail.get("refunds").get(0).get("failureReason").asString()).isEqualTo("expired_or_canceled_card");
        assertThat(detail.get("history").valueStream()
                .filter(change -> change.get("detail").toString().contains("failed")))
                .as("both events arrived; the failure was applied once")
                .singleElement()
                .satisfies(change -> assertThat(change.get("source").asString()).isEqualTo("webhook"));
    }

    private void awaitStatus(String paymentId, String status) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(get("/api/payment/status/" + paymentId)).get("status").asString(), status::equals);
    }
}
