package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.app.StripeEvents;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refund Stripe made fails days later (Stripe's test card 4000 0000 0000 5126): Stripe sends {@code refund.failed}
 * and {@code charge.refund.updated} with the Refund object, signed, and the app lowers the refunded total once.
 */
class RefundFailureIT extends AbstractStripeModeIT {

    private static final String WEBHOOK = "/api/payment/stripe/webhook";

    @Test
    void a_full_refund_that_fails_takes_the_payment_back_to_succeeded_once_and_tells_the_merchant() {
        Created payment = succeededPayment(1250);
        String refundId = refund(payment, "{}");
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("refunded");
        String failed = STRIPE.failRefund(gatewayRefundId(refundId), "expired_or_canceled_card");
        String eventId = StripeEvents.newEventId();

        deliver(StripeEvents.refundEvent(eventId, "refund.failed", failed));

        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("refundedAmount").asLong()).isZero();
        JsonNode detail = detail(payment.paymentId());
        assertThat(detail.get("refunds")).singleElement().satisfies(refund -> {
            assertThat(refund.get("status").asString()).isEqualTo("failed");
            assertThat(refund.get("failureReason").asString()).isEqualTo("expired_or_canceled_card");
        });
        assertThat(failureEntries(detail)).singleElement().satisfies(change -> {
            assertThat(change.get("from").asString()).isEqualTo("refunded");
            assertThat(change.get("to").asString()).isEqualTo("succeeded");
            assertThat(change.get("source").asString()).isEqualTo("webhook");
            assertThat(change.get("gatewayEventId").asString()).isEqualTo(eventId);
            assertThat(change.get("detail").asString())
                    .isEqualTo("refund of $12.50 failed (expired_or_canceled_card); refunded $0.00 in total");
        });
        assertThat(merchantNotices(payment.paymentId())).containsExactly(MERCHANT_EMAIL);
        assertThat(jdbc.sql("select refund_reserved_amount from payments where payment_id = ?")
                .param(payment.paymentId()).query(Long.class).single()).isZero();

        // Stripe reports the same failure again as charge.refund.updated, and redelivers refund.failed
        deliver(StripeEvents.refundEvent(StripeEvents.newEventId(), "charge.refund.updated", failed));
        deliver(StripeEvents.refundEvent(eventId, "refund.failed", failed));

        assertThat(status(payment.paymentId()).get("refundedAmount").asLong()).isZero();
        assertThat(failureEntries(detail(payment.paymentId()))).hasSize(1);
        assertThat(merchantNotices(payment.paymentId())).hasSize(1);
        assertThat(outboxRows(payment.paymentId(), "refund_notice")).as("the customer's notice of the refund")
                .isEqualTo(1);
    }

    @Test
    void a_partial_refund_that_fails_takes_the_payment_back_to_succeeded() {
        Created payment = succeededPayment(1250);
        String refundId = refund(payment, "{\"amount\":500}");
        String failed = STRIPE.failRefund(gatewayRefundId(refundId), "lost_or_stolen_card");

        deliver(StripeEvents.refundEvent(StripeEvents.newEventId(), "charge.refund.updated", failed));

        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("refundedAmount").asLong()).isZero();
        assertThat(merchantNotices(payment.paymentId())).hasSize(1);
        // all of it can be refunded again
        assertThat(adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{\"amount\":1250}").statusCode())
                .isEqualTo(201);
    }

    @Test
    void one_of_two_refunds_failing_leaves_the_payment_partially_refunded_by_the_other() {
        Created payment = succeededPayment(1250);
        refund(payment, "{\"amount\":500}");
        String second = refund(payment, "{\"amount\":750}");
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("refunded");
        String failed = STRIPE.failRefund(gatewayRefundId(second), "expired_or_canceled_card");

        deliver(StripeEvents.refundEvent(StripeEvents.newEventId(), "refund.failed", failed));
        deliver(StripeEvents.refundEvent(StripeEvents.newEventId(), "charge.refund.updated", failed));

        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(failureEntries(detail(payment.paymentId()))).singleElement()
                .satisfies(change -> assertThat(change.get("to").asString()).isEqualTo("partially_refunded"));
        assertThat(merchantNotices(payment.paymentId())).hasSize(1);
    }

    @Test
    void a_refunded_total_stripe_reported_before_the_failure_but_delivered_after_it_changes_nothing() {
        Created payment = succeededPayment(1250);
        String refundId = refund(payment, "{}");
        long beforeTheFailure = java.time.Instant.now().minusSeconds(3600).getEpochSecond();
        String late = StripeEvents.chargeRefunded(StripeEvents.newEventId(), payment.intentId(), 1250, 1250)
                .replaceFirst("\"created\": \\d+", "\"created\": " + beforeTheFailure);
        deliver(StripeEvents.refundEvent(StripeEvents.newEventId(), "refund.failed",
                STRIPE.failRefund(gatewayRefundId(refundId), "expired_or_canceled_card")));

        deliver(late);

        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("succeeded");
        assertThat(status.get("refundedAmount").asLong()).isZero();
        assertThat(detail(payment.paymentId()).get("history").valueStream()
                .filter(change -> !change.get("applied").asBoolean()))
                .singleElement()
                .satisfies(change -> assertThat(change.get("detail").asString())
                        .isEqualTo("not applied: reported before a refund failed"));
    }

    private String refund(Created payment, String body) {
        HttpResponse<String> refund = adminRefund(payment.paymentId(), UUID.randomUUID().toString(), body);
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        return body(refund).get("refundId").asString();
    }

    private String gatewayRefundId(String refundId) {
        return jdbc.sql("select gateway_refund_id from refunds where refund_id = ?").param(refundId)
                .query(String.class).single();
    }

    private void deliver(String event) {
        HttpResponse<String> delivered = postJson(WEBHOOK, event,
                Map.of("Stripe-Signature", StripeEvents.signature(event, WEBHOOK_SECRET)));
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    }

    private JsonNode detail(String paymentId) {
        HttpResponse<String> detail = adminGet("/api/admin/payments/" + paymentId);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        return body(detail);
    }

    private static List<JsonNode> failureEntries(JsonNode detail) {
        return detail.get("history").valueStream()
                .filter(change -> change.get("detail").toString().contains("failed")).toList();
    }

    private List<String> merchantNotices(String paymentId) {
        return jdbc.sql("select recipient from notification_outbox where payment_id = ? and kind = ?")
                .param(paymentId).param("refund_failed_notice").query(String.class).list();
    }
}
