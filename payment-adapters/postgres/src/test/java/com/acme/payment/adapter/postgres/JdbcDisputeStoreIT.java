package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.query.PaymentStatistics.CurrencyRevenue;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcDisputeStoreIT {

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
    private final JdbcPaymentRepository payments = new JdbcPaymentRepository(jdbc);
    private final JdbcDisputeStore disputes = new JdbcDisputeStore(jdbc);
    private Payment payment;

    @BeforeEach
    void storedPayment() {
        PostgresTestDatabase.deleteAllData();
        payment = PaymentFixtures.succeededPayment();
        payments.insert(payment);
    }

    @Test
    void savesADisputeReadsItBackAndReplacesItOnTheNextSave() {
        Dispute opened = dispute("dp_1", DisputeStatus.NEEDS_RESPONSE, NOW.plus(Duration.ofDays(7)));
        disputes.saveDispute(opened);
        Dispute won = opened.reported(report("dp_1", DisputeStatus.WON, opened.evidenceDueBy(), true),
                NOW.plusSeconds(60), NOW.plusSeconds(61)).withEvidenceSubmittedBy("admin");

        disputes.saveDispute(won);

        assertThat(disputes.findDispute("dp_1")).contains(won);
        assertThat(disputes.disputesOf(payment.id())).containsExactly(won);
        assertThat(disputes.findDispute("dp_unknown")).isEmpty();
    }

    @Test
    void listsDisputesNewestFirstFilteredByStatus() {
        disputes.saveDispute(dispute("dp_1", DisputeStatus.NEEDS_RESPONSE, null));
        disputes.saveDispute(dispute("dp_2", DisputeStatus.LOST, null));

        assertThat(disputes.listDisputes(null, 0, 10).totalItems()).isEqualTo(2);
        assertThat(disputes.listDisputes(DisputeStatus.LOST, 0, 10).items()).extracting(Dispute::disputeId)
                .containsExactly("dp_2");
        assertThat(disputes.listDisputes(DisputeStatus.WON, 0, 10).items()).isEmpty();
    }

    @Test
    void awaitsAReminderOnlyWhileTheDeadlineIsAheadAndWithinTheWindowAndNoneWasSent() {
        disputes.saveDispute(dispute("dp_soon", DisputeStatus.NEEDS_RESPONSE, NOW.plus(Duration.ofHours(24))));
        disputes.saveDispute(dispute("dp_later", DisputeStatus.NEEDS_RESPONSE, NOW.plus(Duration.ofDays(5))));
        disputes.saveDispute(dispute("dp_past", DisputeStatus.NEEDS_RESPONSE, NOW.minus(Duration.ofHours(1))));
        disputes.saveDispute(dispute("dp_answered", DisputeStatus.UNDER_REVIEW, NOW.plus(Duration.ofHours(24))));
        disputes.saveDispute(dispute("dp_reminded", DisputeStatus.NEEDS_RESPONSE, NOW.plus(Duration.ofHours(24)))
                .withReminderSent(NOW));

        assertThat(disputes.awaitingReminder(NOW, NOW.plus(Duration.ofHours(48)), 10)).extracting(Dispute::disputeId)
                .containsExactly("dp_soon");
    }

    @Test
    void statisticsSubtractWhatDisputesTookAndNotWhatWasReinstated() {
        disputes.saveDispute(dispute("dp_1", DisputeStatus.LOST, null));

        assertThat(new JdbcPaymentQueries(jdbc).statistics(null, null).revenue()).containsExactly(
                new CurrencyRevenue(payment.amount().currency(), payment.amount().minorUnits(), 0,
                        payment.amount().minorUnits()));
    }

    private Dispute dispute(String id, DisputeStatus status, Instant dueBy) {
        return Dispute.first(payment.id(), report(id, status, dueBy, false), NOW, NOW);
    }

    private GatewayDispute report(String id, DisputeStatus status, Instant dueBy, boolean reinstated) {
        return new GatewayDispute(id, payment.gatewayReference(), payment.amount().minorUnits(),
                payment.amount().currency(), "fraudulent", status, dueBy, true, reinstated);
    }
}
