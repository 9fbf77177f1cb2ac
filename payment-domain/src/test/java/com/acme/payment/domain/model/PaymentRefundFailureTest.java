package com.acme.payment.domain.model;

import static com.acme.payment.domain.model.PaymentStatus.PARTIALLY_REFUNDED;
import static com.acme.payment.domain.model.PaymentStatus.REFUNDED;
import static com.acme.payment.domain.model.PaymentStatus.SUCCEEDED;
import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.testing.PaymentFixtures;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A refund that fails after it was made: the only moves backwards the domain accepts (DESIGN.md). */
class PaymentRefundFailureTest {

    private static final Map<PaymentStatus, Set<PaymentStatus>> DESIGNED_BACKWARDS = Map.of(
            REFUNDED, Set.of(PARTIALLY_REFUNDED, SUCCEEDED),
            PARTIALLY_REFUNDED, Set.of(SUCCEEDED));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(PaymentStatus.values()).flatMap(from -> Arrays.stream(PaymentStatus.values())
                .map(to -> Arguments.of(from, to, DESIGNED_BACKWARDS.getOrDefault(from, Set.of()).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} after a refund failure: {2}")
    @MethodSource("everyPair")
    void a_refund_failure_may_move_back_only_to_the_designed_statuses(PaymentStatus from, PaymentStatus to,
                                                                      boolean allowed) {
        assertThat(from.canMoveBackAfterRefundFailure(to)).isEqualTo(allowed);
    }

    @Test
    void the_backward_moves_stay_closed_to_every_other_event() {
        assertThat(REFUNDED.canMoveTo(SUCCEEDED)).isFalse();
        assertThat(REFUNDED.canMoveTo(PARTIALLY_REFUNDED)).isFalse();
        assertThat(PARTIALLY_REFUNDED.canMoveTo(SUCCEEDED)).isFalse();
        Payment refunded = refunded(1250);
        refunded.apply(PaymentFixtures.event(GatewayEventType.SUCCEEDED, refunded.gatewayReference()),
                ChangeSource.WEBHOOK, NOW);
        assertThat(refunded.status()).isEqualTo(REFUNDED);
    }

    @Test
    void a_full_refund_that_fails_takes_the_payment_back_to_succeeded_with_nothing_refunded() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund refund = made(payment, 1250);

        EventOutcome outcome = payment.failRefund(refund, "expired_or_canceled_card", -1, ChangeSource.WEBHOOK,
                "evt_1", NOW);

        assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
        assertThat(payment.status()).isEqualTo(SUCCEEDED);
        assertThat(payment.refundedAmount()).isZero();
        StatusChange change = payment.unsavedChanges().get(0);
        assertThat(change.from()).isEqualTo(REFUNDED);
        assertThat(change.to()).isEqualTo(SUCCEEDED);
        assertThat(change.applied()).isTrue();
        assertThat(change.gatewayEventId()).isEqualTo("evt_1");
        assertThat(change.detail())
                .isEqualTo("refund of $12.50 failed (expired_or_canceled_card); refunded $0.00 in total");
        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(1250);
    }

    @Test
    void one_of_two_refunds_failing_leaves_the_payment_partially_refunded_by_the_other() {
        Payment payment = PaymentFixtures.succeededPayment();
        made(payment, 1000);
        Refund second = made(payment, 250);
        assertThat(payment.status()).isEqualTo(REFUNDED);

        payment.failRefund(second, null, -1, ChangeSource.WEBHOOK, "evt_2", NOW);

        assertThat(payment.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(1000);
    }

    @Test
    void the_gateway_total_wins_over_subtracting_when_the_event_carries_it() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund refund = made(payment, 1250);

        payment.failRefund(refund, null, 500, ChangeSource.WEBHOOK, "evt_3", NOW);

        assertThat(payment.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(500);
    }

    @Test
    void a_pending_refund_that_fails_releases_its_reservation_and_leaves_the_total() {
        Payment payment = PaymentFixtures.succeededPayment();
        made(payment, 250);
        Refund pending = payment.requestRefund("rf_lost", 1000L, null, null, NOW);

        payment.failRefund(pending, "unknown", -1, ChangeSource.RECONCILER, null, NOW);

        assertThat(payment.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(250);
        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(1000);
        assertThat(payment.unsavedChanges()).last().satisfies(change -> {
            assertThat(change.from()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(change.to()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(change.applied()).isTrue();
        });
    }

    @Test
    void a_refund_that_already_failed_cannot_fail_again() {
        Payment payment = PaymentFixtures.succeededPayment();
        Refund failed = made(payment, 1250).failedAtGateway("re_1", "unknown");

        assertThatThrownBy(() -> payment.failRefund(failed, null, -1, ChangeSource.WEBHOOK, "evt_4", NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(payment.status()).isEqualTo(REFUNDED);
    }

    private static Payment refunded(long amount) {
        Payment payment = PaymentFixtures.succeededPayment();
        made(payment, amount);
        return payment;
    }

    /** A refund the gateway made, counted in the payment's total; the history so far is cleared. */
    private static Refund made(Payment payment, long amount) {
        Refund pending = payment.requestRefund(Refund.newId(), amount, null, null, NOW);
        payment.completeRefund(pending, payment.refundedAmount() + amount, null, NOW);
        payment.markSaved(payment.version() + 1);
        return pending.succeeded("re_" + pending.refundId().substring(3));
    }
}
