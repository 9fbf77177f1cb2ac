package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class GatewayEventServiceTest {

    @Mock
    GatewayEventVerifier verifier;
    @Mock
    PaymentRepository repository;
    @Mock
    GatewayEventLedger handledEvents;
    @Mock
    PaymentNotifier notifier;
    @Mock
    RefundLedger refunds;
    ImmediateTransactions transactions = new ImmediateTransactions();
    RecordedPaymentEvents events = new RecordedPaymentEvents();
    GatewayEventService service;

    @BeforeEach
    void setUp() {
        service = new GatewayEventService(verifier, repository, handledEvents, transactions, events, notifier,
                PaymentFixtures.CLOCK, refunds);
    }

    @Test
    void a_verified_success_event_is_recorded_applied_announced_and_sends_one_receipt() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        payment.markSaved(0);
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        when(verifier.verify("{}", "t=1,v1=x")).thenReturn(event);
        when(handledEvents.recordGatewayEvent(eq(event.eventId()), eq("SUCCEEDED"), any(Instant.class))).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));

        EventOutcome outcome = service.receive("{}", "t=1,v1=x");

        assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        verify(repository).update(payment);
        verify(notifier).paymentSucceeded(payment, "succeeded");
        assertThat(events.published()).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo(payment.id());
            assertThat(change.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(change.changes()).extracting(StatusChange::to).containsExactly(PaymentStatus.SUCCEEDED);
        });
    }

    @Test
    void a_duplicate_event_changes_nothing_and_notifies_and_announces_nothing() {
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, "pi_1");
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenReturn(false);

        assertThat(service.apply(event, ChangeSource.WEBHOOK)).isEqualTo(EventOutcome.DUPLICATE);

        verify(repository, never()).findByGatewayReference(any());
        verify(repository, never()).update(any());
        verifyNoInteractions(notifier);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void a_stale_event_is_stored_in_the_history_but_notifies_nobody() {
        Payment payment = PaymentFixtures.succeededPayment();
        payment.markSaved(1);
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));

        EventOutcome outcome = service.apply(
                PaymentFixtures.event(GatewayEventType.PROCESSING, payment.gatewayReference()), ChangeSource.WEBHOOK);

        assertThat(outcome).isEqualTo(EventOutcome.STALE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        verify(repository).update(payment);
        verifyNoInteractions(notifier);
    }

    @Test
    void an_event_for_a_payment_that_is_not_ours_is_acknowledged() {
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenReturn(true);
        when(repository.findByGatewayReference("pi_other")).thenReturn(Optional.empty());

        assertThat(service.apply(PaymentFixtures.event(GatewayEventType.SUCCEEDED, "pi_other"), ChangeSource.WEBHOOK))
                .isEqualTo(EventOutcome.UNKNOWN_PAYMENT);
        verify(repository, never()).update(any());
    }

    @Test
    void unhandled_event_types_are_ignored_without_touching_the_database() {
        assertThat(service.apply(GatewayEvent.unhandled("evt_1", "customer.created", PaymentFixtures.NOW),
                ChangeSource.WEBHOOK)).isEqualTo(EventOutcome.IGNORED);
        verifyNoInteractions(repository);
    }

    @Test
    void a_concurrent_change_is_retried_in_a_new_transaction_and_announced_once() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        // The ledger behaves as its table does: an event id is taken once, and given back by a rollback.
        Set<String> recorded = new HashSet<>();
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenAnswer(invocation -> {
            String eventId = invocation.getArgument(0);
            if (!recorded.add(eventId)) {
                return false;
            }
            transactions.onRollback(() -> recorded.remove(eventId));
            return true;
        });
        when(repository.findByGatewayReference(payment.gatewayReference()))
                .thenAnswer(invocation -> Optional.of(Payment.reconstitute(payment.snapshot())));
        doThrow(new StalePaymentException(payment.id(), 0)).doNothing().when(repository).update(any());

        EventOutcome outcome = service.apply(
                PaymentFixtures.event(GatewayEventType.PAYMENT_FAILED, payment.gatewayReference()), ChangeSource.WEBHOOK);

        assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
        assertThat(transactions.started()).isEqualTo(2);
        verify(repository, times(2)).update(any());
        verify(notifier, times(1)).paymentFailed(any(), anyString());
        assertThat(events.published()).singleElement().extracting(PaymentChanged::status)
                .isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void a_refund_event_sends_a_refund_notice_keyed_by_the_refunded_total() {
        Payment payment = PaymentFixtures.succeededPayment();
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));

        service.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 300), ChangeSource.WEBHOOK);

        verify(notifier).paymentRefunded(payment, "refunded:300");
    }

    @Test
    void a_dispute_notifies_the_merchant() {
        Payment payment = PaymentFixtures.succeededPayment();
        when(handledEvents.recordGatewayEvent(anyString(), anyString(), any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        GatewayEvent dispute = new GatewayEvent("evt_d", GatewayEventType.DISPUTE_CREATED, payment.gatewayReference(),
                PaymentFixtures.NOW, null, null, null, 0, "fraudulent");

        service.apply(dispute, ChangeSource.WEBHOOK);

        verify(notifier).disputeOpened(payment, "evt_d", "fraudulent");
    }
}
