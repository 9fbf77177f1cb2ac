package com.acme.payment.domain.model;

import static com.acme.payment.domain.model.DisputeStatus.LOST;
import static com.acme.payment.domain.model.DisputeStatus.NEEDS_RESPONSE;
import static com.acme.payment.domain.model.DisputeStatus.UNDER_REVIEW;
import static com.acme.payment.domain.model.DisputeStatus.WARNING_NEEDS_RESPONSE;
import static com.acme.payment.domain.model.DisputeStatus.WON;
import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DisputeTest {

    private static final PaymentId PAYMENT = PaymentId.random();
    private static final Instant DUE = NOW.plusSeconds(7 * 86400);

    @Test
    void a_newer_report_moves_the_dispute_on() {
        Dispute dispute = Dispute.first(PAYMENT, report(NEEDS_RESPONSE, true, false), NOW, NOW);

        Dispute merged = dispute.reported(report(UNDER_REVIEW, false, false), NOW.plusSeconds(10), NOW);

        assertThat(merged.status()).isEqualTo(UNDER_REVIEW);
        assertThat(merged.fundsWithdrawn()).as("money that moved stays moved").isEqualTo(1250);
        assertThat(dispute.changedIn(merged)).isTrue();
    }

    @Test
    void an_older_report_does_not_take_back_a_newer_state() {
        Dispute dispute = Dispute.first(PAYMENT, report(UNDER_REVIEW, false, false), NOW.plusSeconds(10), NOW);

        Dispute merged = dispute.reported(report(NEEDS_RESPONSE, true, false), NOW, NOW);

        assertThat(merged.status()).isEqualTo(UNDER_REVIEW);
        assertThat(merged.fundsWithdrawn()).isEqualTo(1250);
    }

    @Test
    void a_closed_dispute_is_never_reopened_even_by_a_later_report() {
        Dispute dispute = Dispute.first(PAYMENT, report(WON, true, true), NOW, NOW);

        Dispute merged = dispute.reported(report(UNDER_REVIEW, false, false), NOW.plusSeconds(60), NOW);

        assertThat(merged.status()).isEqualTo(WON);
        assertThat(dispute.changedIn(merged)).isFalse();
    }

    @Test
    void a_final_report_closes_the_dispute_whatever_its_time() {
        Dispute dispute = Dispute.first(PAYMENT, report(UNDER_REVIEW, true, false), NOW.plusSeconds(60), NOW);

        Dispute merged = dispute.reported(report(LOST, false, false), NOW, NOW);

        assertThat(merged.status()).isEqualTo(LOST);
        assertThat(merged.disputedAmount()).isEqualTo(1250);
    }

    @Test
    void an_inquiry_that_becomes_a_chargeback_in_the_same_second_is_taken() {
        Dispute dispute = Dispute.first(PAYMENT, report(WARNING_NEEDS_RESPONSE, false, false), NOW, NOW);

        assertThat(dispute.reported(report(NEEDS_RESPONSE, true, false), NOW, NOW).status()).isEqualTo(NEEDS_RESPONSE);
    }

    @Test
    void reinstated_funds_leave_nothing_disputed() {
        Dispute dispute = Dispute.first(PAYMENT, report(NEEDS_RESPONSE, true, false), NOW, NOW);

        assertThat(dispute.reported(report(WON, false, true), NOW, NOW).disputedAmount()).isZero();
    }

    @Test
    void evidence_over_stripes_limit_is_refused_naming_the_field() {
        assertThatThrownBy(() -> new DisputeEvidence(null, "x".repeat(DisputeEvidence.MAX_LENGTH + 1), null))
                .isInstanceOfSatisfying(InvalidPaymentRequestException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("customerCommunication"));
    }

    private static GatewayDispute report(DisputeStatus status, boolean withdrawn, boolean reinstated) {
        return new GatewayDispute("dp_1", "pi_1", 1250, "USD", "fraudulent", status, DUE, withdrawn, reinstated);
    }
}
