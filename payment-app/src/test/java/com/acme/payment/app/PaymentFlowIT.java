package com.acme.payment.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.acme.payment.app.config.PaymentProperties;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow over HTTP against the real app (embedded PostgreSQL, sandbox gateway, .eml mail):
 * create → confirm with 4242 → poll until succeeded → receipt written → partial refund → stats.
 */
class PaymentFlowIT extends AbstractAppIT {

    @Autowired
    PaymentProperties properties;

    @Test
    void a_card_payment_succeeds_is_receipted_partially_refunded_and_counted() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = "{\"name\":\"Katherine Johnson\",\"email\":\"katherine@example.com\","
                + "\"serviceType\":\"microwave\",\"amount\":4200,\"currency\":\"EUR\"}";
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent", request,
                Map.of("Idempotency-Key", key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = body(created);
        String paymentId = payment.get("paymentId").asString();
        assertThat(paymentId).matches("pay_[A-Za-z0-9_-]{22}");
        assertThat(payment.get("status").asString()).isEqualTo("pending");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/payment/status/" + paymentId);

        HttpResponse<String> replay = postJson("/api/payment/stripe/create-intent", request, Map.of("Idempotency-Key", key));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(body(replay).get("paymentId").asString()).isEqualTo(paymentId);
        HttpResponse<String> reused = postJson("/api/payment/stripe/create-intent",
                request.replace("4200", "4300"), Map.of("Idempotency-Key", key));
        assertThat(reused.statusCode()).isEqualTo(422);

        HttpResponse<String> confirmed = postJson("/api/payment/sandbox/payments/" + paymentId + "/confirm",
                "{\"clientSecret\":\"" + payment.get("clientSecret").asString() + "\",\"cardNumber\":\"4242 4242 4242 4242\","
                        + "\"expiry\":\"12/34\",\"cvc\":\"123\"}", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(body(confirmed).get("outcome").asString()).isEqualTo("processing");

        JsonNode succeeded = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(get("/api/payment/status/" + paymentId)),
                        status -> "succeeded".equals(status.get("status").asString()));
        assertThat(succeeded.get("transactionId").asString()).startsWith("ch_");
        assertThat(succeeded.has("name")).isFalse();
        assertThat(succeeded.has("email")).isFalse();
        assertThat(succeeded.toString()).doesNotContain("katherine");

        await().atMost(Duration.ofSeconds(15)).until(() -> receiptFor(paymentId));

        String refundKey = UUID.randomUUID().toString();
        HttpResponse<String> refund = refund(paymentId, refundKey, "{\"amount\":1000,\"reason\":\"partial delivery\"}");
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(body(refund).get("status").asString()).isEqualTo("succeeded");
        assertThat(refund(paymentId, refundKey, "{\"amount\":1000,\"reason\":\"partial delivery\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> otherReason = refund(paymentId, refundKey, "{\"amount\":1000,\"reason\":\"goodwill\"}");
        assertThat(otherReason.statusCode()).isEqualTo(422);
        assertThat(body(otherReason).get("type").asString()).isEqualTo("urn:payment:problem:idempotency-key-reused");

        JsonNode afterRefund = body(get("/api/payment/status/" + paymentId));
        assertThat(afterRefund.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(afterRefund.get("refundedAmount").asLong()).isEqualTo(1000);

        JsonNode detail = body(adminGet("/api/admin/payments/" + paymentId));
        assertThat(detail.get("email").asString()).isEqualTo("katherine@example.com");
        // The sandbox delivers processing and succeeded 50 ms apart on two threads, so processing can arrive
        // second: it is then recorded but not applied. Applied changes never go backwards.
        List<String> applied = new ArrayList<>();
        for (JsonNode change : detail.get("history")) {
            if (change.get("applied").asBoolean()) {
                applied.add(change.get("to").asString());
            }
        }
        assertThat(applied).containsSubsequence("pending", "succeeded", "partially_refunded");
        assertThat(detail.get("history").findValuesAsString("to")).contains("processing");
        assertThat(detail.get("refunds")).hasSize(1);

        // From this payment's creation on, nothing but it counts (tests in a context run one after another).
        JsonNode stats = body(adminGet("/api/admin/stats?from=" + detail.get("createdAt").asString()));
        assertThat(stats.get("revenue")).hasSize(1);
        JsonNode euro = stats.get("revenue").get(0);
        assertThat(euro.get("currency").asString()).isEqualTo("EUR");
        assertThat(euro.get("grossAmount").asLong()).isEqualTo(4200);
        assertThat(euro.get("refundedAmount").asLong()).isEqualTo(1000);
        assertThat(euro.get("netAmount").asLong()).isEqualTo(3200);
    }

    @Test
    void a_currency_in_lower_case_is_accepted_and_answered_in_upper_case() {
        String key = UUID.randomUUID().toString();
        String request = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\","
                + "\"amount\":1250,\"currency\":\"usd\"}";
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent", request,
                Map.of("Idempotency-Key", key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(created).get("currency").asString()).isEqualTo("USD");

        HttpResponse<String> replay = postJson("/api/payment/stripe/create-intent", request.replace("usd", "USD"),
                Map.of("Idempotency-Key", key));
        assertThat(replay.statusCode()).as("the same request, spelled otherwise").isEqualTo(200);
        assertThat(body(replay).get("paymentId").asString()).isEqualTo(body(created).get("paymentId").asString());
    }

    @Test
    void the_status_answers_304_until_the_payment_changes() {
        String paymentId = startPendingPayment();
        String path = "/api/payment/status/" + paymentId;
        String etag = get(path).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = getIfNoneMatch(path, etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        HttpResponse<String> canceled = send(HttpRequest.newBuilder(uri("/api/admin/payments/" + paymentId + "/cancel"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);

        HttpResponse<String> changed = getIfNoneMatch(path, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(body(changed).get("status").asString()).isEqualTo("canceled");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void the_status_goes_out_with_its_length_not_chunked() {
        HttpResponse<String> status = get("/api/payment/status/" + startPendingPayment());

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(status.headers().firstValueAsLong("Content-Length"))
                .hasValue(status.body().getBytes(StandardCharsets.UTF_8).length);
    }

    private HttpResponse<String> refund(String paymentId, String idempotencyKey, String body) {
        return send(HttpRequest.newBuilder(uri("/api/admin/payments/" + paymentId + "/refunds"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String startPendingPayment() {
        return body(postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"serviceType\":\"pon-ftth\",\"amount\":1250,"
                        + "\"currency\":\"USD\"}", Map.of())).get("paymentId").asString();
    }

    private HttpResponse<String> getIfNoneMatch(String path, String etag) {
        return send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).GET().build());
    }

    private boolean receiptFor(String paymentId) throws Exception {
        Path mail = properties.dataDir().resolve("mail");
        if (!Files.isDirectory(mail)) {
            return false;
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.anyMatch(file -> file.getFileName().toString().contains("receipt")
                    && file.getFileName().toString().contains(paymentId));
        }
    }
}
