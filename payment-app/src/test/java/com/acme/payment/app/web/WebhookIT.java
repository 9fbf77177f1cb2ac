package com.acme.payment.app.web;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.StripeEvents;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Signed Stripe events through the real endpoint, verification, handling and database. */
class WebhookIT extends AbstractAppIT {

    private static final String WEBHOOK = "/api/payment/stripe/webhook";

    @Autowired
    JdbcClient jdbc;

    private String paymentId;
    private String intentId;

    @BeforeEach
    void createPayment() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        paymentId = body(created).get("paymentId").asString();
        intentId = jdbc.sql("select gateway_reference from payments where payment_id = ?").param(paymentId)
                .query(String.class).single();
    }

    @Test
    void a_signed_success_event_is_applied_with_the_transaction_id_and_queues_one_receipt() {
        HttpResponse<String> response = deliver(StripeEvents.succeeded(newEventId(), intentId, 1250));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("outcome").asString()).isEqualTo("applied");
        JsonNode status = status();
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("transactionId").asString()).startsWith("ch_");
        assertThat(outboxRows("receipt")).isEqualTo(1);
    }

    @Test
    void the_same_event_delivered_20_times_in_parallel_changes_the_payment_once() throws Exception {
        String payload = StripeEvents.succeeded(newEventId(), intentId, 1250);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<HttpResponse<String>>> deliveries = IntStream.range(0, 20)
                    .<Callable<HttpResponse<String>>>mapToObj(i -> () -> {
                        start.await();
                        return deliver(payload);
                    }).toList();
            List<Future<HttpResponse<String>>> futures = deliveries.stream().map(pool::submit).toList();
            start.countDown();
            List<String> outcomes = futures.stream().map(future -> {
                try {
                    HttpResponse<String> response = future.get();
                    assertThat(response.statusCode()).isEqualTo(200);
                    return body(response).get("outcome").asString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();

            assertThat(outcomes).filteredOn("applied"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(19);
        } finally {
            pool.shutdownNow();
        }
        assertThat(historyRows("succeeded")).isEqualTo(1);
        assertThat(outboxRows("receipt")).isEqualTo(1);
    }

    @Test
    void a_processing_event_arriving_after_success_is_recorded_and_ignored() {
        deliver(StripeEvents.succeeded(newEventId(), intentId, 1250));

        HttpResponse<String> late = deliver(StripeEvents.processing(newEventId(), intentId, 1250));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(body(late).get("outcome").asString()).isEqualTo("stale");
        assertThat(status().get("status").asString()).isEqualTo("succeeded");
        assertThat(jdbc.sql("select count(*) from payment_status_history "
                        + "where payment_id = ? and to_status = 'processing' and not applied")
                .param(paymentId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_event_in_another_api_version_still_applies() {
        String payload = StripeEvents.paymentIntentEvent(newEventId(), "payment_intent.processing", intentId,
                "processing", 1250, "", "2020-08-27");

        HttpResponse<String> response = deliver(payload);

        assertThat(body(response).get("outcome").asString()).isEqualTo("applied");
        assertThat(status().get("status").asString()).isEqualTo("processing");
    }

    @Test
    void a_failure_shows_a_customer_safe_reason_then_a_retry_can_succeed() {
        deliver(StripeEvents.failed(newEventId(), intentId, 1250));
        JsonNode failed = status();
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("failureMessage").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(outboxRows("failure_notice")).isEqualTo(1);

        deliver(StripeEvents.succeeded(newEventId(), intentId, 1250));
        assertThat(status().get("status").asString()).isEqualTo("succeeded");
        assertThat(status().get("failureMessage").isNull()).isTrue();
    }

    @Test
    void refund_totals_come_from_stripe_and_are_not_added_up() {
        deliver(StripeEvents.succeeded(newEventId(), intentId, 1250));

        deliver(StripeEvents.chargeRefunded(newEventId(), intentId, 1250, 500));
        deliver(StripeEvents.chargeRefunded(newEventId(), intentId, 1250, 500));

        JsonNode status = status();
        assertThat(status.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(500);
    }

    @Test
    void events_for_unknown_payments_and_unhandled_types_are_acknowledged() {
        HttpResponse<String> unknown = deliver(StripeEvents.succeeded(newEventId(), "pi_3NotOursAtAll0001", 1250));
        HttpResponse<String> unhandled = deliver(StripeEvents.unhandled(newEventId()));

        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(body(unknown).get("outcome").asString()).isEqualTo("unknown_payment");
        assertThat(unhandled.statusCode()).isEqualTo(200);
        assertThat(body(unhandled).get("outcome").asString()).isEqualTo("ignored");
    }

    @Test
    void bad_missing_stale_or_tampered_signatures_are_refused_and_change_nothing() {
        String payload = StripeEvents.succeeded(newEventId(), intentId, 1250);
        List<Map<String, String>> badHeaders = List.of(
                Map.of("Stripe-Signature", signature(payload, "whsec_someone_else")),
                Map.of("Stripe-Signature", signature(payload, WEBHOOK_SECRET, Instant.now().getEpochSecond() - 301)),
                Map.of("Stripe-Signature", "t=1,v1=deadbeef"),
                Map.of());
        for (Map<String, String> headers : badHeaders) {
            HttpResponse<String> response = postJson(WEBHOOK, payload, headers);
            assertThat(response.statusCode()).as(headers.toString()).isEqualTo(400);
            assertThat(body(response).get("type").asString()).isEqualTo("urn:payment:problem:invalid-signature");
        }
        String tampered = payload.replace("\"amount\": 1250", "\"amount\": 1");
        assertThat(postJson(WEBHOOK, tampered, Map.of("Stripe-Signature", signature(payload, WEBHOOK_SECRET)))
                .statusCode()).isEqualTo(400);
        assertThat(postJson(WEBHOOK, "not json", Map.of("Stripe-Signature", signature("not json", WEBHOOK_SECRET)))
                .statusCode()).isEqualTo(400);

        assertThat(status().get("status").asString()).isEqualTo("pending");
    }

    private HttpResponse<String> deliver(String payload) {
        return postJson(WEBHOOK, payload, Map.of("Stripe-Signature", signature(payload, WEBHOOK_SECRET)));
    }

    private JsonNode status() {
        return body(get("/api/payment/status/" + paymentId));
    }

    private long outboxRows(String kind) {
        return jdbc.sql("select count(*) from notification_outbox where payment_id = ? and kind = ?")
                .param(paymentId).param(kind).query(Long.class).single();
    }

    private long historyRows(String toStatus) {
        return jdbc.sql("select count(*) from payment_status_history "
                + "where payment_id = ? and to_status = ? and applied").param(paymentId).param(toStatus)
                .query(Long.class).single();
    }
}
