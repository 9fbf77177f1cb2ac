package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.Dispute;
import com.acme.payment.domain.model.DisputeStatus;
import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.model.GatewayDispute;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.LoggedGatewayEvent;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentChanged;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.ReceivedGatewayEvent;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.DisputeStore;
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
import org.mockito.ArgumentCaptor;
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
    DisputeStore disputes;
    @Mock
    RefundLedger refunds;
    ImmediateTransactions transactions = new ImmediateTransactions();
    RecordedPaymentEvents events = new RecordedPaymentEvents();
    GatewayEventService service;

    @BeforeEach
    void setUp() {
        service = new GatewayEventService(verifier, repository, handledEvents, transactions, events, notifier,
                disputes, PaymentFixtures.CLOCK, refunds);
    }

    @Test
    void a_verified_success_event_is_recorded_applied_announced_and_sends_one_receipt() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        payment.markSaved(0);
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        when(verifier.verified("{}", "t=1,v1=x")).thenReturn(received(event));
        when(handledEvents.record(any())).thenReturn(true);
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
    void a_duplicate_event_changes_nothing_and_notifies_and_announces_nothing_but_is_counted() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        when(handledEvents.record(any())).thenReturn(false);

        assertThat(service.apply(event, ChangeSource.WEBHOOK)).isEqualTo(EventOutcome.DUPLICATE);

        verify(repository, never()).update(any());
        verify(handledEvents).recordDuplicate(event.eventId());
        verifyNoInteractions(notifier);
        assertThat(events.published()).isEmpty();
    }

    @Test
    void a_stale_event_is_stored_in_the_history_but_notifies_nobody() {
        Payment payment = PaymentFixtures.succeededPayment();
        payment.markSaved(1);
        when(handledEvents.record(any())).thenReturn(true);
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
        when(handledEvents.record(any())).thenReturn(true);
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
        when(handledEvents.record(any())).thenAnswer(invocation -> {
            String eventId = invocation.<LoggedGatewayEvent>getArgument(0).eventId();
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
        when(handledEvents.record(any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));

        service.apply(PaymentFixtures.refundEvent(payment.gatewayReference(), 300), ChangeSource.WEBHOOK);

        verify(notifier).paymentRefunded(payment, "refunded:300");
    }

    @Test
    void a_new_dispute_is_stored_written_to_the_history_and_the_merchant_is_told() {
        Payment payment = PaymentFixtures.succeededPayment();
        when(handledEvents.record(any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        when(disputes.findDispute("dp_1")).thenReturn(Optional.empty());

        EventOutcome outcome = service.apply(disputeEvent(payment, DisputeStatus.NEEDS_RESPONSE), ChangeSource.WEBHOOK);

        assertThat(outcome).isEqualTo(EventOutcome.APPLIED);
        verify(disputes).saveDispute(argThat(dispute -> dispute.status() == DisputeStatus.NEEDS_RESPONSE));
        verify(notifier).disputeOpened(eq(payment), any(Dispute.class));
        verify(repository).update(payment);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void a_created_event_after_the_closed_one_changes_nothing_and_opens_nothing() {
        Payment payment = PaymentFixtures.succeededPayment();
        when(handledEvents.record(any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        Dispute lost = Dispute.first(payment.id(), gatewayDispute(payment, DisputeStatus.LOST),
                PaymentFixtures.NOW.plusSeconds(60), PaymentFixtures.NOW);
        when(disputes.findDispute("dp_1")).thenReturn(Optional.of(lost));

        EventOutcome outcome = service.apply(disputeEvent(payment, DisputeStatus.NEEDS_RESPONSE), ChangeSource.WEBHOOK);

        assertThat(outcome).isEqualTo(EventOutcome.STALE);
        verify(disputes, never()).saveDispute(any());
        verify(notifier, never()).disputeOpened(any(), any());
        assertThat(payment.unsavedChanges()).last().satisfies(change -> assertThat(change.applied()).isFalse());
    }

    @Test
    void a_dispute_event_already_logged_stores_nothing_and_sends_no_email() {
        Payment payment = PaymentFixtures.succeededPayment();
        when(handledEvents.record(any())).thenReturn(false);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        when(disputes.findDispute("dp_1")).thenReturn(Optional.empty());

        EventOutcome outcome = service.apply(disputeEvent(payment, DisputeStatus.NEEDS_RESPONSE), ChangeSource.WEBHOOK);

        assertThat(outcome).isEqualTo(EventOutcome.DUPLICATE);
        verify(disputes, never()).saveDispute(any());
        verify(notifier, never()).disputeOpened(any(), any());
        verify(repository, never()).update(any());
    }

    private static GatewayEvent disputeEvent(Payment payment, DisputeStatus status) {
        return GatewayEvent.dispute("evt_d", GatewayEventType.DISPUTE_CREATED, PaymentFixtures.NOW,
                gatewayDispute(payment, status));
    }

    private static GatewayDispute gatewayDispute(Payment payment, DisputeStatus status) {
        return new GatewayDispute("dp_1", payment.gatewayReference(), 1250, "USD", "fraudulent", status,
                PaymentFixtures.NOW.plusSeconds(86400 * 7), true, false);
    }

    @Test
    void a_webhook_event_is_logged_with_its_envelope_payload_payment_and_outcome_in_one_record() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        payment.markSaved(0);
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        when(verifier.verified("{}", "t=1,v1=x")).thenReturn(received(event));
        when(handledEvents.record(any())).thenReturn(true);
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));

        service.receive("{}", "t=1,v1=x");

        ArgumentCaptor<LoggedGatewayEvent> logged = ArgumentCaptor.forClass(LoggedGatewayEvent.class);
        verify(handledEvents).record(logged.capture());
        assertThat(logged.getValue()).satisfies(entry -> {
            assertThat(entry.eventId()).isEqualTo(event.eventId());
            assertThat(entry.type()).isEqualTo("payment_intent.succeeded");
            assertThat(entry.apiVersion()).isEqualTo("2025-09-30.clover");
            assertThat(entry.paymentId()).isEqualTo(payment.id().value());
            assertThat(entry.outcome()).isEqualTo(LoggedEventOutcome.APPLIED);
            assertThat(entry.payload()).isEqualTo("{}");
        });
    }

    @Test
    void an_event_whose_handling_throws_is_logged_as_failed_with_the_first_line_of_the_reason_and_the_error_goes_on() {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        GatewayEvent event = PaymentFixtures.event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        when(repository.findByGatewayReference(payment.gatewayReference())).thenReturn(Optional.of(payment));
        when(handledEvents.record(any())).thenReturn(true);
        doThrow(new IllegalStateException("could not store", new IllegalStateException(
                "ERROR: check violated\n  Detail: Failing row contains (grace@example.com)"))).when(repository).update(any());

        assertThatThrownBy(() -> service.handle(received(event), ChangeSource.WEBHOOK))
                .isInstanceOf(IllegalStateException.class);

        ArgumentCaptor<LoggedGatewayEvent> failed = ArgumentCaptor.forClass(LoggedGatewayEvent.class);
        verify(handledEvents).recordFailure(failed.capture(), any());
        assertThat(failed.getValue().outcome()).isEqualTo(LoggedEventOutcome.FAILED);
        assertThat(failed.getValue().failureReason()).isEqualTo("IllegalStateException: ERROR: check violated");
        assertThat(failed.getValue().payload()).isEqualTo("{}");
    }

    @Test
    void an_unhandled_webhook_type_is_logged_as_ignored() {
        GatewayEvent unhandled = GatewayEvent.unhandled("evt_u", "customer.created", PaymentFixtures.NOW);
        when(handledEvents.record(any())).thenReturn(true);

        assertThat(service.handle(new ReceivedGatewayEvent("customer.created", "2025-09-30.clover",
                PaymentFixtures.NOW, "{}", unhandled), ChangeSource.WEBHOOK)).isEqualTo(EventOutcome.IGNORED);

        verify(handledEvents).record(argThat(entry -> entry.outcome() == LoggedEventOutcome.IGNORED));
        verifyNoInteractions(repository);
    }

    private static ReceivedGatewayEvent received(GatewayEvent event) {
        return new ReceivedGatewayEvent("payment_intent.succeeded", "2025-09-30.clover", PaymentFixtures.NOW, "{}",
                event);
    }
}
