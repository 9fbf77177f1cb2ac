package com.acme.payment.domain.model;

import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.testing.PaymentFixtures;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaymentTest {

    @Test
    void a_new_payment_is_pending_and_its_creation_is_in_the_history() {
        Payment payment = PaymentFixtures.pendingPayment();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.unsavedChanges()).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo(PaymentStatus.PENDING);
            assertThat(change.source()).isEqualTo(ChangeSource.API);
            assertThat(change.applied()).isTrue();
        });
    }

    @Test
    void payment_ids_are_random_url_safe_and_carry_128_bits() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> ids.add(PaymentId.random().value()));

        assertThat(ids).hasSize(10_000).allMatch(id -> id.matches("pay_[A-Za-z0-9_-]{22}"));
        assertThat(PaymentId.isWellFormed("pay_1")).isFalse();
        assertThat(PaymentId.isWellFormed("1; drop table payments")).isFalse();
    }

    @Test
    void success_records_the_transaction_id_and_clears_an_earlier_failure() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        payment.apply(PaymentFixtures.event(GatewayEventType.PAYMENT_FAILED, payment.gatewayReference()),
                ChangeSource.WEBHOOK, NOW);
        assertThat(payment.failureMessage()).isEqualTo("Your card was declined.");

        payment.apply(PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference()),
                ChangeSource.WEBHOOK, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.transactionId()).isEqualTo("ch_test");
        assertThat(payment.snapshot().failureCode()).isNull();
        assertThat(payment.failureMessage()).isNull();
    }

    @Test
    void a_late_processing_event_after_success_is_recorded_and_changes_nothing() {
        Payment payment = PaymentFixtures.succeededPayment();
        GatewayEvent late = PaymentFixtures.event(GatewayEventType.PROCESSING, payment.gatewayReference());

        EventOutcome outcome = payment.apply(late, ChangeSource.WEBHOOK, NOW);

        assertThat(outcome).isEqualTo(EventOutcome.STALE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.transactionId()).isEqualTo("ch_test");
        StatusChange last = payment.unsavedChanges().get(payment.unsavedChanges().size() - 1);
        assertThat(last.applied()).isFalse();
        assertThat(last.gatewayEventId()).isEqualTo(late.eventId());
    }

    @Test
    void a_dispute_change_is_written_to_the_history_without_changing_the_status() {
        Payment payment = PaymentFixtures.succeededPayment();

        payment.recordDisputeChange(ChangeSource.WEBHOOK, "evt_dispute", true, "dispute dp_1 needs_response", NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.unsavedChanges()).last().satisfies(change -> {
            assertThat(change.from()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(change.to()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(change.detail()).isEqualTo("dispute dp_1 needs_response");
        });
    }

    @Test
    void partial_then_full_refund_from_gateway_totals() {
        Payment payment = PaymentFixtures.succeededPayment();

        payment.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 250), ChangeSource.WEBHOOK, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(250);

        payment.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 1250), ChangeSource.WEBHOOK, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(1250);
    }

    @Test
    void an_older_refund_total_arriving_late_changes_nothing() {
        Payment payment = PaymentFixtures.succeededPayment();
        payment.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 500), ChangeSource.WEBHOOK, NOW);

        EventOutcome outcome = payment.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 250),
                ChangeSource.WEBHOOK, NOW);

        assertThat(outcome).isEqualTo(EventOutcome.STALE);
        assertThat(payment.refundedAmount()).isEqualTo(500);
    }

    @Test
    void refunds_never_exceed_the_captured_amount_even_while_pending() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund first = payment.requestRefund("rf_1", 1000L, null, null, NOW);

        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(250);
        assertThatThrownBy(() -> payment.requestRefund("rf_2", 251L, null, null, NOW))
                .isInstanceOf(RefundNotAllowedException.class).hasMessageContaining("exceeds");

        payment.releaseRefund(first, NOW);
        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(1250);
    }

    @Test
    void a_refund_without_amount_takes_everything_left_and_completes_as_refunded() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund partial = payment.requestRefund("rf_1", 250L, null, null, NOW);
        payment.completeRefund(partial, 250, "alice", NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

        Refund rest = payment.requestRefund("rf_2", null, "customer asked", null, NOW);
        assertThat(rest.amount()).isEqualTo(1000);
        EventOutcome outcome = payment.completeRefund(rest, 1250, "alice", NOW);

        assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(1250);
        assertThat(payment.snapshot().refundReservedAmount()).isZero();
        assertThatThrownBy(() -> payment.requestRefund("rf_3", null, null, null, NOW))
                .isInstanceOf(RefundNotAllowedException.class);
    }

    @Test
    void a_refund_webhook_that_arrives_before_the_admin_call_returns_is_not_counted_twice() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund refund = payment.requestRefund("rf_1", 500L, null, null, NOW);
        payment.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 500), ChangeSource.WEBHOOK, NOW);

        EventOutcome outcome = payment.completeRefund(refund, 500, "alice", NOW);

        assertThat(outcome).isEqualTo(EventOutcome.DUPLICATE);
        assertThat(payment.unsavedChanges()).last().satisfies(change -> {
            assertThat(change.applied()).isFalse();
            assertThat(change.source()).isEqualTo(ChangeSource.ADMIN);
            assertThat(change.actor()).as("who asked for it").isEqualTo("alice");
        });
        assertThat(payment.refundedAmount()).isEqualTo(500);
        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(750);
    }

    @Test
    void only_captured_payments_can_be_refunded() {
        Payment pending = PaymentFixtures.pendingPaymentAtGateway();

        assertThatThrownBy(() -> pending.requestRefund("rf_1", 100L, null, null, NOW))
                .isInstanceOf(RefundNotAllowedException.class).hasMessageContaining("pending");
    }

    @Test
    void snapshot_and_reconstitute_round_trip_every_field() {
        Payment payment = PaymentFixtures.succeededPayment();
        payment.requestRefund("rf_1", 100L, null, null, NOW);

        Payment rebuilt = Payment.reconstitute(payment.snapshot());

        assertThat(rebuilt.snapshot()).isEqualTo(payment.snapshot());
        assertThat(rebuilt.unsavedChanges()).isEmpty();
    }

    @Test
    void customer_name_and_email_are_checked() {
        assertThatThrownBy(() -> new Customer(" ", "a@example.com")).isInstanceOf(InvalidPaymentRequestException.class)
                .extracting(e -> ((InvalidPaymentRequestException) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> new Customer("x".repeat(101), "a@example.com"))
                .isInstanceOf(InvalidPaymentRequestException.class);
        assertThat(new Customer("山".repeat(100), "a@example.com").name()).hasSize(100);
        assertThatThrownBy(() -> new Customer("Ada", "not-an-email"))
                .isInstanceOf(InvalidPaymentRequestException.class)
                .extracting(e -> ((InvalidPaymentRequestException) e).field()).isEqualTo("email");
    }
}
