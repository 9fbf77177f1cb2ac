package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeClosedException;
import com.acme.payment.domain.model.DisputeEvidence;
import com.acme.payment.domain.model.DisputeNotFoundException;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.port.in.AnswerDisputeUseCase.CloseCommand;
import com.acme.payment.domain.port.in.AnswerDisputeUseCase.EvidenceCommand;
import com.acme.payment.domain.port.out.DisputeGateway;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class DisputeServiceTest {

    @Mock
    DisputeStore store;
    @Mock
    DisputeGateway gateway;
    @Mock
    PaymentRepository repository;
    @Mock
    PaymentNotifier notifier;
    DisputeService service;
    Payment payment = PaymentFixtures.succeededPayment();

    @BeforeEach
    void setUp() {
        service = new DisputeService(store, gateway, repository, new ImmediateTransactions(),
                new RecordedPaymentEvents(), notifier, PaymentFixtures.CLOCK, Duration.ofHours(48));
    }

    @Test
    void closing_stores_what_the_gateway_answers_and_who_closed_it() {
        when(store.findDispute("dp_1")).thenReturn(Optional.of(dispute(DisputeStatus.NEEDS_RESPONSE)));
        when(gateway.close("dp_1", "key-1")).thenReturn(report(DisputeStatus.LOST));
        when(repository.findById(payment.id())).thenReturn(Optional.of(payment));

        Dispute closed = service.close(new CloseCommand("dp_1", "key-1", "alice"));

        assertThat(closed.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(closed.closedBy()).isEqualTo("alice");
        verify(store).saveDispute(closed);
        verify(notifier).disputeClosed(payment, closed);
        assertThat(payment.unsavedChanges()).last()
                .satisfies(change -> assertThat(change.detail()).startsWith("loss accepted by alice"));
    }

    @Test
    void a_closed_or_unknown_dispute_is_refused_without_asking_the_gateway() {
        when(store.findDispute("dp_1")).thenReturn(Optional.of(dispute(DisputeStatus.WON)));

        assertThatThrownBy(() -> service.close(new CloseCommand("dp_1", "key-1", "alice")))
                .isInstanceOf(DisputeClosedException.class);
        assertThatThrownBy(() -> service.submitEvidence(new EvidenceCommand("dp_unknown",
                new DisputeEvidence("text", null, null), true, "key-2", "alice")))
                .isInstanceOf(DisputeNotFoundException.class);
        verifyNoInteractions(gateway);
    }

    @Test
    void a_gateway_failure_stores_nothing() {
        when(store.findDispute("dp_1")).thenReturn(Optional.of(dispute(DisputeStatus.NEEDS_RESPONSE)));
        when(gateway.updateEvidence(eq("dp_1"), any(), eq(true), eq("key-1"))).thenThrow(new GatewayException(
                GatewayException.Reason.UNAVAILABLE, "Stripe answered 500", null, null, null));

        assertThatThrownBy(() -> service.submitEvidence(new EvidenceCommand("dp_1",
                new DisputeEvidence("text", null, null), true, "key-1", "alice")))
                .isInstanceOf(GatewayException.class);
        verify(store, never()).saveDispute(any());
        verify(repository, never()).update(any());
    }

    @Test
    void a_reminder_is_queued_once_and_marked_sent() {
        Dispute due = dispute(DisputeStatus.NEEDS_RESPONSE);
        when(store.awaitingReminder(any(), any(), eq(DisputeService.REMINDER_BATCH))).thenReturn(List.of(due));
        when(store.findDispute("dp_1")).thenReturn(Optional.of(due), Optional.of(due.withReminderSent(
                PaymentFixtures.NOW)));
        when(repository.findById(payment.id())).thenReturn(Optional.of(payment));

        assertThat(service.remindDue()).isEqualTo(1);
        assertThat(service.remindDue()).as("already reminded").isZero();

        verify(notifier, times(1)).disputeReminder(eq(payment), any());
        verify(store).saveDispute(due.withReminderSent(PaymentFixtures.NOW));
    }

    private Dispute dispute(DisputeStatus status) {
        return Dispute.first(payment.id(), report(status), PaymentFixtures.NOW, PaymentFixtures.NOW);
    }

    private GatewayDispute report(DisputeStatus status) {
        return new GatewayDispute("dp_1", payment.gatewayReference(), 1250, "USD", "fraudulent", status,
                PaymentFixtures.NOW.plus(Duration.ofDays(1)), true, false);
    }
}
