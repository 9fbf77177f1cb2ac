package com.acme.payment.app.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A refund call whose answer is lost leaves the refund pending with its amount reserved. The reconciler settles it
 * without an admin from Stripe's list of the payment's refunds; one it cannot settle for a day needs attention.
 */
class LostRefundAnswerIT extends AbstractStripeModeIT {

    private static final String REFUNDS = "/v1/refunds";

    @Autowired
    ReconcilePaymentsUseCase reconciler;

    @Test
    void a_refund_stripe_made_but_whose_answer_was_lost_is_recorded_by_the_reconciler() {
        Created payment = succeededPayment(1250);
        String adminKey = UUID.randomUUID().toString();
        STRIPE.loseRefundAnswers();
        HttpResponse<String> lost = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500}");
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
        assertThat(refundRow(payment.paymentId())).containsExactly("pending", null);
        STRIPE.answerNormally();
        String madeByStripe = STRIPE.refundsOf(payment.intentId()).get(0).id();

        reconciler.reconcile();

        assertThat(STRIPE.calls("GET", REFUNDS)).anySatisfy(call -> assertThat(call.params())
                .containsEntry("payment_intent", payment.intentId()).containsEntry("expand[0]", "data.charge"));
        assertThat(refundRow(payment.paymentId())).containsExactly("succeeded", madeByStripe);
        JsonNode status = status(payment.paymentId());
        assertThat(status.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(status.get("refundedAmount").asLong()).isEqualTo(500);
        assertThat(reserved(payment.paymentId())).isZero();
        assertThat(outboxRows(payment.paymentId(), "refund_notice")).isEqualTo(1);
        assertThat(STRIPE.refundsOf(payment.intentId())).as("the reconciler asks, it never refunds again").hasSize(1);
        int refundCalls = STRIPE.calls("POST", REFUNDS).size();

        HttpResponse<String> retried = adminRefund(payment.paymentId(), adminKey, "{\"amount\":500}");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(body(retried).get("status").asString()).isEqualTo("succeeded");
        assertThat(STRIPE.calls("POST", REFUNDS)).hasSize(refundCalls);
    }

    @Test
    void while_stripe_cannot_list_refunds_the_reconciler_leaves_the_refund_reserved_and_settles_it_later() {
        Created payment = succeededPayment(1250);
        STRIPE.loseRefundAnswers();
        adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{\"amount\":500}");
        STRIPE.answerNormally();
        STRIPE.answerAlways("GET", REFUNDS, 500, StripeApiStub.error("api_error", null, "An unknown error occurred"));

        reconciler.reconcile();

        assertThat(refundRow(payment.paymentId())).containsExactly("pending", null);
        assertThat(reserved(payment.paymentId())).isEqualTo(500);
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");

        STRIPE.answerNormally();
        reconciler.reconcile();

        assertThat(refundRow(payment.paymentId())).first().isEqualTo("succeeded");
        assertThat(status(payment.paymentId()).get("refundedAmount").asLong()).isEqualTo(500);
    }

    @Test
    void a_refund_stripe_never_made_is_released_by_the_reconciler_and_can_be_asked_for_again() {
        Created payment = succeededPayment(1250);
        STRIPE.answerAlways("POST", REFUNDS, 500, StripeApiStub.error("api_error", null, "An unknown error occurred"));
        HttpResponse<String> unknown = adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(503);
        assertThat(reserved(payment.paymentId())).isEqualTo(1250);
        STRIPE.answerNormally();

        reconciler.reconcile();

        assertThat(refundRow(payment.paymentId())).containsExactly("failed", null);
        assertThat(reserved(payment.paymentId())).isZero();
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("succeeded");
        assertThat(adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{}").statusCode()).isEqualTo(201);
        assertThat(status(payment.paymentId()).get("status").asString()).isEqualTo("refunded");
    }

    @Test
    void a_refund_still_unsettled_after_a_day_needs_attention_in_the_admin_list_and_detail() {
        Created payment = succeededPayment(1250);
        STRIPE.loseRefundAnswers();
        adminRefund(payment.paymentId(), UUID.randomUUID().toString(), "{\"amount\":300}");
        STRIPE.answerNormally();
        assertThat(detail(payment.paymentId()).get("needsAttention").asBoolean()).as("a fresh one is the reconciler's")
                .isFalse();

        jdbc.sql("update refunds set created_at = ? where payment_id = ?")
                .param(Timestamp.from(Instant.now().minus(Duration.ofHours(25)))).param(payment.paymentId()).update();

        JsonNode detail = detail(payment.paymentId());
        assertThat(detail.get("needsAttention").asBoolean()).isTrue();
        assertThat(detail.get("attentionReason").asString()).contains(detail.get("refunds").get(0).get("refundId")
                .asString(), "waited for the gateway's answer");
        HttpResponse<String> list = adminGet("/api/admin/payments?email=katherine@example.com&size=100");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<JsonNode> items = body(list).get("items").valueStream().toList();
        assertThat(items).filteredOn(item -> item.get("paymentId").asString().equals(payment.paymentId()))
                .singleElement().satisfies(item -> assertThat(item.get("needsAttention").asBoolean()).isTrue());
        assertThat(items).filteredOn(item -> !item.get("paymentId").asString().equals(payment.paymentId()))
                .allSatisfy(item -> assertThat(item.get("attentionReason").isNull()).isTrue());

        reconciler.reconcile();

        assertThat(detail(payment.paymentId()).get("needsAttention").asBoolean()).as("settled now").isFalse();
    }

    private List<String> refundRow(String paymentId) {
        return jdbc.sql("select status, gateway_refund_id from refunds where payment_id = ?").param(paymentId)
                .query((row, n) -> java.util.Arrays.asList(row.getString(1), row.getString(2))).single();
    }

    private long reserved(String paymentId) {
        return jdbc.sql("select refund_reserved_amount from payments where payment_id = ?").param(paymentId)
                .query(Long.class).single();
    }

    private JsonNode detail(String paymentId) {
        HttpResponse<String> detail = adminGet("/api/admin/payments/" + paymentId);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        return body(detail);
    }
}
