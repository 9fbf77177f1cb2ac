package com.acme.payment.app.eventlog;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.StripeEvents;
import com.acme.payment.app.jobs.EventLogJobs;
import com.acme.payment.domain.port.out.GatewayEventSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The gateway event log in sandbox mode: what webhooks leave in it, its API, replay, purge and backfill. */
class GatewayEventLogIT extends AbstractAppIT {

    private static final String WEBHOOK = "/api/payment/stripe/webhook";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventLogJobs jobs;

    /** The sandbox's own list of the events it wrote: what a backfill reads in sandbox mode. */
    @Autowired
    GatewayEventSource sandboxEvents;

    private String paymentId;
    private String intentId;

    @BeforeEach
    void createPayment() {
        JsonNode created = create();
        paymentId = created.get("paymentId").asString();
        intentId = intentOf(paymentId);
    }

    @Test
    void each_webhook_is_logged_with_its_envelope_payment_payload_and_outcome() {
        String succeededId = newEventId();
        String succeeded = StripeEvents.succeeded(succeededId, intentId, 1250);
        assertThat(outcomeOf(deliver(succeeded))).isEqualTo("applied");
        assertThat(outcomeOf(deliver(succeeded))).isEqualTo("duplicate");
        String lateId = newEventId();
        assertThat(outcomeOf(deliver(StripeEvents.processing(lateId, intentId, 1250)))).isEqualTo("stale");
        String unhandledId = newEventId();
        assertThat(outcomeOf(deliver(StripeEvents.unhandled(unhandledId)))).isEqualTo("ignored");

        JsonNode applied = event(succeededId);
        assertThat(applied.get("type").asString()).isEqualTo("payment_intent.succeeded");
        assertThat(applied.get("apiVersion").asString()).isEqualTo(StripeEvents.API_VERSION);
        assertThat(applied.get("paymentId").asString()).isEqualTo(paymentId);
        assertThat(applied.get("outcome").asString()).isEqualTo("applied");
        assertThat(applied.get("duplicates").asInt()).isEqualTo(1);
        assertThat(applied.get("created").asString()).isNotBlank();
        assertThat(applied.get("receivedAt").asString()).isNotBlank();
        assertThat(applied.get("payload").asString()).isEqualTo(succeeded);
        assertThat(event(lateId).get("outcome").asString()).isEqualTo("not_applied");
        assertThat(event(unhandledId).get("outcome").asString()).isEqualTo("ignored");
        assertThat(event(unhandledId).get("type").asString()).isEqualTo("customer.created");
    }

    @Test
    void the_log_is_filtered_by_payment_outcome_type_and_time_and_an_unknown_event_is_404() {
        String succeededId = newEventId();
        deliver(StripeEvents.succeeded(succeededId, intentId, 1250));
        String lateId = newEventId();
        deliver(StripeEvents.processing(lateId, intentId, 1250));

        assertThat(eventIds("?paymentId=" + paymentId)).containsExactly(lateId, succeededId);
        assertThat(eventIds("?paymentId=" + paymentId + "&outcome=not_applied")).containsExactly(lateId);
        assertThat(eventIds("?paymentId=" + paymentId + "&type=payment_intent.succeeded")).containsExactly(succeededId);
        assertThat(eventIds("?paymentId=" + paymentId + "&from=" + Instant.now().plusSeconds(60))).isEmpty();
        JsonNode page = body(adminGet("/api/admin/events?paymentId=" + paymentId + "&size=1&page=1"));
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("eventId").asString()).isEqualTo(succeededId);
        assertThat(page.get("items").get(0).get("payload").isNull()).as("the list carries no payloads").isTrue();

        HttpResponse<String> unknown = adminGet("/api/admin/events/evt_NeverSeen000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(adminGet("/api/admin/events?outcome=bogus").statusCode()).isEqualTo(400);
    }

    @Test
    void a_bad_signature_is_counted_and_listed_with_address_and_reason_but_never_the_body() {
        double before = signatureFailuresCounted();
        String payload = StripeEvents.succeeded(newEventId(), intentId, 1250).replace("\"metadata\": {}",
                "\"metadata\": {\"marker\": \"do-not-keep-me\"}");

        HttpResponse<String> rejected = postJson(WEBHOOK, payload, Map.of("Stripe-Signature",
                signature(payload, "whsec_someone_elses_secret")));

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(signatureFailuresCounted()).isEqualTo(before + 1);
        HttpResponse<String> failures = adminGet("/api/admin/events/signature-failures");
        assertThat(failures.statusCode()).isEqualTo(200);
        JsonNode newest = body(failures).get(0);
        assertThat(newest.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(newest.get("reason").asString()).contains("signature");
        assertThat(newest.get("at").asString()).isNotBlank();
        assertThat(failures.body()).doesNotContain("do-not-keep-me").doesNotContain(intentId);
    }

    @Test
    void replaying_an_applied_event_answers_duplicate_and_changes_nothing() {
        String eventId = newEventId();
        deliver(StripeEvents.succeeded(eventId, intentId, 1250));
        int historyBefore = historyRows();

        HttpResponse<String> replayed = replay(eventId);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(body(replayed).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(historyRows()).isEqualTo(historyBefore);
        assertThat(outboxRows("receipt")).isEqualTo(1);
        assertThat(event(eventId).get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void an_event_whose_handling_failed_is_logged_with_the_reason_and_a_replay_applies_it_once() {
        String eventId = newEventId();
        // The database refuses this payment's success, as a failing disk or a bug would make its handling throw.
        jdbc.sql("ALTER TABLE payments ADD CONSTRAINT it_refuse_success CHECK (payment_id <> '" + paymentId
                + "' OR status <> 'succeeded') NOT VALID").update();
        HttpResponse<String> failed;
        try {
            failed = deliver(StripeEvents.succeeded(eventId, intentId, 1250));
        } finally {
            jdbc.sql("ALTER TABLE payments DROP CONSTRAINT it_refuse_success").update();
        }
        assertThat(failed.statusCode()).as("Stripe retries what was not acknowledged").isEqualTo(500);
        JsonNode logged = event(eventId);
        assertThat(logged.get("outcome").asString()).isEqualTo("failed");
        assertThat(logged.get("failureReason").asString()).contains("it_refuse_success")
                .as("the database's detail quotes the row").doesNotContain("grace@example.com");
        assertThat(status()).isEqualTo("pending");

        HttpResponse<String> replayed = replay(eventId);

        assertThat(body(replayed).get("outcome").asString()).isEqualTo("applied");
        assertThat(status()).isEqualTo("succeeded");
        assertThat(event(eventId).get("outcome").asString()).isEqualTo("applied");
        assertThat(event(eventId).get("failureReason").isNull()).isTrue();
        assertThat(body(replay(eventId)).get("outcome").asString()).isEqualTo("duplicate");
        assertThat(outboxRows("receipt")).isEqualTo(1);
    }

    @Test
    void payloads_past_the_retention_are_purged_the_entry_stays_and_its_replay_is_409() {
        String eventId = newEventId();
        deliver(StripeEvents.succeeded(eventId, intentId, 1250));
        jdbc.sql("UPDATE processed_gateway_events SET received_at = now() - interval '31 days' WHERE event_id = ?")
                .param(eventId).update();

        jobs.purgePayloads();

        JsonNode purged = event(eventId);
        assertThat(purged.get("payload").isNull()).isTrue();
        assertThat(purged.get("payloadAvailable").asBoolean()).isFalse();
        assertThat(purged.get("outcome").asString()).isEqualTo("applied");
        HttpResponse<String> replayed = replay(eventId);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(body(replayed).get("type").asString()).isEqualTo("urn:payment:problem:event-payload-purged");
    }

    @Test
    void backfill_needs_a_since_within_the_last_30_days_and_not_in_the_future() {
        for (String since : List.of(Instant.now().minus(Duration.ofDays(31)).toString(),
                Instant.now().plus(Duration.ofHours(1)).toString())) {
            HttpResponse<String> refused = adminPost("/api/admin/events/backfill", "{\"since\":\"" + since + "\"}");
            assertThat(refused.statusCode()).as(since).isEqualTo(400);
            assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo("since");
        }
        HttpResponse<String> missing = adminPost("/api/admin/events/backfill", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("since");
    }

    @Test
    void replay_and_backfill_without_credentials_are_401() {
        for (String path : List.of("/api/admin/events/evt_1/replay", "/api/admin/events/backfill",
                "/api/admin/events")) {
            HttpResponse<String> response = postJson(path, "{\"since\":\"" + Instant.now() + "\"}", Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/api/admin/events").statusCode()).isEqualTo(401);
    }

    /** The sandbox's webhooks fail (its outage switch) for 25 payments' 50 events; backfill applies each once. */
    @Test
    void backfill_after_50_undelivered_sandbox_events_applies_each_once_and_a_second_applies_none() {
        Instant since = Instant.now().minusSeconds(1);
        List<String> payments = new ArrayList<>();
        setOutage(true);
        try {
            for (int i = 0; i < 25; i++) {
                JsonNode created = create();
                payments.add(created.get("paymentId").asString());
                HttpResponse<String> confirmed = postJson("/api/payment/sandbox/payments/"
                        + created.get("paymentId").asString() + "/confirm", "{\"clientSecret\":\""
                        + created.get("clientSecret").asString() + "\",\"cardNumber\":\"4242 4242 4242 4242\","
                        + "\"expiry\":\"12/34\",\"cvc\":\"123\"}", Map.of());
                assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            }
            // each payment's processing and (once settled) succeeded event is written, none delivered
            await().atMost(Duration.ofSeconds(10)).until(() -> sandboxEvents.eventsSince(since).size() == 50);
            assertThat(payments).allSatisfy(id -> assertThat(statusOf(id)).isEqualTo("pending"));

            JsonNode first = backfill(since);

            assertThat(first.get("seen").asInt()).isEqualTo(50);
            assertThat(first.get("applied").asInt()).isEqualTo(50);
            assertThat(first.get("failed").asInt()).isZero();
            assertThat(payments).allSatisfy(id -> {
                assertThat(statusOf(id)).isEqualTo("succeeded");
                assertThat(outboxRowsOf(id, "receipt")).isEqualTo(1);
            });

            JsonNode second = backfill(since);

            assertThat(second.get("applied").asInt()).isZero();
            assertThat(second.get("duplicate").asInt()).isEqualTo(50);
        } finally {
            setOutage(false);
        }
    }

    private JsonNode create() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created);
    }

    private String intentOf(String payment) {
        return jdbc.sql("select gateway_reference from payments where payment_id = ?").param(payment)
                .query(String.class).single();
    }

    private JsonNode backfill(Instant since) {
        HttpResponse<String> response = adminPost("/api/admin/events/backfill", "{\"since\":\"" + since + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private void setOutage(boolean down) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/sandbox/webhook-outage"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"down\":" + down + "}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> deliver(String payload) {
        return postJson(WEBHOOK, payload, Map.of("Stripe-Signature", signature(payload, WEBHOOK_SECRET)));
    }

    private String outcomeOf(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        return body(ack).get("outcome").asString();
    }

    private JsonNode event(String eventId) {
        HttpResponse<String> response = adminGet("/api/admin/events/" + eventId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private List<String> eventIds(String query) {
        HttpResponse<String> response = adminGet("/api/admin/events" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        body(response).get("items").forEach(item -> ids.add(item.get("eventId").asString()));
        return ids;
    }

    private HttpResponse<String> replay(String eventId) {
        return adminPost("/api/admin/events/" + eventId + "/replay", "{}");
    }

    private HttpResponse<String> adminPost(String path, String json) {
        return postJson(path, json, Map.of("Authorization", adminAuthorization()));
    }

    private String status() {
        return statusOf(paymentId);
    }

    private String statusOf(String payment) {
        return body(get("/api/payment/status/" + payment)).get("status").asString();
    }

    private int historyRows() {
        return jdbc.sql("select count(*) from payment_status_history where payment_id = ?").param(paymentId)
                .query(Integer.class).single();
    }

    private long outboxRows(String kind) {
        return outboxRowsOf(paymentId, kind);
    }

    private long outboxRowsOf(String payment, String kind) {
        return jdbc.sql("select count(*) from notification_outbox where payment_id = ? and kind = ?")
                .param(payment).param(kind).query(Long.class).single();
    }

    private double signatureFailuresCounted() {
        return adminGet("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("gateway_signature_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
