package com.acme.payment.app.dispute;

import static com.acme.payment.app.StripeEvents.newEventId;
import static com.acme.payment.app.StripeEvents.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.acme.payment.app.AbstractAppIT;
import com.acme.payment.app.StripeEvents;
import com.acme.payment.domain.port.in.RemindDisputesUseCase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Stripe's dispute events through the signed webhook path, the merchant's emails and the admin API. */
@TestPropertySource(properties = "payment.mail.merchant=" + DisputeIT.MERCHANT)
class DisputeIT extends AbstractAppIT {

    static final String MERCHANT = "billing@merchant.example";
    private static final String WEBHOOK = "/api/payment/stripe/webhook";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RemindDisputesUseCase remindDisputes;

    private String paymentId;
    private String intentId;
    private String disputeId;
    private final long now = Instant.now().getEpochSecond();

    @BeforeEach
    void succeededPayment() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":1250,\"currency\":\"USD\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        paymentId = body(created).get("paymentId").asString();
        intentId = jdbc.sql("select gateway_reference from payments where payment_id = ?").param(paymentId)
                .query(String.class).single();
        assertThat(outcome(StripeEvents.succeeded(newEventId(), intentId, 1250))).isEqualTo("applied");
        disputeId = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    @Test
    void a_dispute_moves_through_its_events_to_won_with_one_opened_and_one_closed_email() {
        String created = event("charge.dispute.created", "needs_response", now, false);

        assertThat(outcome(created)).isEqualTo("applied");
        assertThat(outcome(created)).as("redelivered").isEqualTo("duplicate");
        assertThat(outcome(event("charge.dispute.funds_withdrawn", "needs_response", now, true))).isEqualTo("applied");
        assertThat(outcome(event("charge.dispute.updated", "under_review", now + 10, true))).isEqualTo("applied");
        assertThat(outcome(event("charge.dispute.closed", "won", now + 20, true))).isEqualTo("applied");
        assertThat(outcome(event("charge.dispute.funds_reinstated", "won", now + 21, true))).isEqualTo("applied");

        JsonNode detail = body(adminGet("/api/admin/payments/" + paymentId));
        assertThat(detail.get("status").asString()).as("a dispute never changes the payment's status")
                .isEqualTo("succeeded");
        JsonNode dispute = detail.get("disputes").get(0);
        assertThat(dispute.get("disputeId").asString()).isEqualTo(disputeId);
        assertThat(dispute.get("status").asString()).isEqualTo("won");
        assertThat(dispute.get("fundsWithdrawn").asLong()).isEqualTo(1250);
        assertThat(dispute.get("fundsReinstated").asLong()).isEqualTo(1250);
        assertThat(jdbc.sql("select count(*) from payment_status_history where payment_id = ? and applied"
                + " and detail like 'dispute %'").param(paymentId).query(Long.class).single()).isEqualTo(5);
        assertThat(merchantMails("dispute_notice")).isEqualTo(1);
        assertThat(merchantMails("dispute_closed")).isEqualTo(1);
    }

    @Test
    void a_closed_event_before_the_created_one_still_ends_closed_and_opens_nothing() {
        assertThat(outcome(event("charge.dispute.closed", "lost", now + 30, true))).isEqualTo("applied");

        assertThat(outcome(event("charge.dispute.created", "needs_response", now, false))).isEqualTo("stale");
        assertThat(outcome(event("charge.dispute.updated", "under_review", now + 60, true)))
                .as("a late update never reopens a closed dispute").isEqualTo("stale");

        assertThat(disputeStatus()).isEqualTo("lost");
        assertThat(merchantMails("dispute_notice")).isZero();
        assertThat(merchantMails("dispute_closed")).isEqualTo(1);
        JsonNode usd = revenue("USD");
        assertThat(usd.get("disputedAmount").asLong()).isGreaterThanOrEqualTo(1250);
        assertThat(usd.get("netAmount").asLong()).isEqualTo(usd.get("grossAmount").asLong()
                - usd.get("refundedAmount").asLong() - usd.get("disputedAmount").asLong());
    }

    @Test
    void an_older_update_arriving_late_does_not_take_back_a_newer_state() {
        outcome(event("charge.dispute.updated", "under_review", now + 10, true));

        assertThat(outcome(event("charge.dispute.created", "needs_response", now, false))).isEqualTo("stale");

        assertThat(disputeStatus()).isEqualTo("under_review");
        assertThat(merchantMails("dispute_notice")).as("the first report opened it").isEqualTo(1);
    }

    @Test
    void the_merchant_is_reminded_once_when_the_evidence_deadline_is_within_48_hours() {
        outcome(event("charge.dispute.created", "needs_response", now, false));
        jdbc.sql("update disputes set evidence_due_by = now() + interval '24 hours' where dispute_id = ?")
                .param(disputeId).update();

        remindDisputes.remindDue();
        remindDisputes.remindDue();

        assertThat(merchantMails("dispute_reminder")).isEqualTo(1);
        assertThat(body(adminGet("/api/admin/payments/" + paymentId)).get("disputes").get(0)
                .get("reminderSent").asBoolean()).isTrue();
    }

    @Test
    void the_admin_list_filters_by_status_and_refuses_bad_answers() {
        outcome(event("charge.dispute.created", "needs_response", now, false));

        JsonNode needsResponse = body(adminGet("/api/admin/disputes?status=needs_response&size=100"));
        assertThat(needsResponse.get("items").findValuesAsString("disputeId")).contains(disputeId);
        assertThat(body(adminGet("/api/admin/disputes?status=won&size=100")).get("items")
                .findValuesAsString("disputeId")).doesNotContain(disputeId);
        assertThat(adminGet("/api/admin/disputes?status=reopened").statusCode()).isEqualTo(400);
        assertThat(get("/api/admin/disputes").statusCode()).isEqualTo(401);

        HttpResponse<String> tooLong = adminPost("/api/admin/disputes/" + disputeId + "/evidence",
                "{\"productDescription\":\"" + "x".repeat(20_001) + "\",\"submit\":true}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(tooLong.body()).contains("productDescription");
        assertThat(adminPost("/api/admin/disputes/dp_unknown/close", "{}").statusCode()).isEqualTo(404);

        outcome(event("charge.dispute.closed", "lost", now + 5, true));
        HttpResponse<String> closeAgain = adminPost("/api/admin/disputes/" + disputeId + "/close", "{}");
        assertThat(closeAgain.statusCode()).as(closeAgain.body()).isEqualTo(409);
    }

    @Test
    void sandbox_card_0259_is_disputed_and_winning_evidence_wins() {
        HttpResponse<String> created = postJson("/api/payment/stripe/create-intent",
                "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\",\"serviceType\":\"pon-ftth\","
                        + "\"amount\":4200,\"currency\":\"USD\"}", Map.of());
        String disputed = body(created).get("paymentId").asString();
        HttpResponse<String> confirmed = postJson("/api/payment/sandbox/payments/" + disputed + "/confirm",
                "{\"clientSecret\":\"" + body(created).get("clientSecret").asString()
                        + "\",\"cardNumber\":\"4000 0000 0000 0259\",\"expiry\":\"12/34\",\"cvc\":\"123\"}", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        JsonNode opened = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(adminGet("/api/admin/payments/" + disputed)).get("disputes"),
                        disputes -> disputes.size() == 1 && disputes.get(0).get("fundsWithdrawn").asLong() == 4200);
        assertThat(opened.get(0).get("status").asString()).isEqualTo("needs_response");
        assertThat(opened.get(0).get("reason").asString()).isEqualTo("fraudulent");
        String sandboxDispute = opened.get(0).get("disputeId").asString();

        HttpResponse<String> answered = adminPost("/api/admin/disputes/" + sandboxDispute + "/evidence",
                "{\"uncategorizedText\":\"winning_evidence\",\"submit\":true}");

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(body(answered).get("status").asString()).isEqualTo("won");
        assertThat(body(answered).get("evidenceSubmittedBy").asString()).isEqualTo("admin");
        await().atMost(Duration.ofSeconds(15)).until(() -> body(adminGet("/api/admin/payments/" + disputed))
                .get("disputes").get(0).get("fundsReinstated").asLong() == 4200);
    }

    private String event(String type, String status, long created, boolean withdrawn) {
        return StripeEvents.dispute(newEventId(), type, disputeId, intentId, status, 1250, created, withdrawn);
    }

    private String outcome(String payload) {
        HttpResponse<String> response = postJson(WEBHOOK, payload,
                Map.of("Stripe-Signature", signature(payload, WEBHOOK_SECRET)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).get("outcome").asString();
    }

    private String disputeStatus() {
        return jdbc.sql("select status from disputes where dispute_id = ?").param(disputeId).query(String.class)
                .single();
    }

    private long merchantMails(String kind) {
        return jdbc.sql("select count(*) from notification_outbox where payment_id = ? and kind = ? and recipient = ?")
                .param(paymentId).param(kind).param(MERCHANT).query(Long.class).single();
    }

    private JsonNode revenue(String currency) {
        for (JsonNode row : body(adminGet("/api/admin/stats")).get("revenue")) {
            if (row.get("currency").asString().equals(currency)) {
                return row;
            }
        }
        throw new AssertionError("no revenue row for " + currency);
    }

    private HttpResponse<String> adminPost(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", adminAuthorization())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
