package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.in.ReconcilePaymentsUseCase.Report;
import com.acme.payment.domain.port.out.DisputeStore;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.GatewayEventVerifier;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentGateway.ListedRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReconcilePaymentsServiceTest {

    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    static final Duration ABANDON_AFTER = Duration.ofHours(24);

    @Mock
    PaymentRepository repository;
    @Mock
    PaymentGateway gateway;
    @Mock
    HostedCheckout checkout;
    @Mock
    PaymentNotifier notifier;
    @Mock
    GatewayEventVerifier verifier;
    @Mock
    GatewayEventLedger handledEvents;
    @Mock
    DisputeStore disputes;
    @Mock
    RefundLedger refunds;
    RecordedPaymentEvents paymentEvents = new RecordedPaymentEvents();

    ReconcilePaymentsService serviceAt(Clock clock) {
        ImmediateTransactions transactions = new ImmediateTransactions();
        GatewayEventService events = new GatewayEventService(verifier, repository, handledEvents, transactions,
                paymentEvents, notifier, disputes, clock, refunds);
        return new ReconcilePaymentsService(repository, gateway, checkout, events, transactions, paymentEvents, clock,
                STALE_AFTER, ABANDON_AFTER, 100, refunds, notifier);
    }

    @Test
    void a_payment_whose_success_webhook_never_came_is_healed_from_the_gateway() {
        Clock later = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        Payment processing = PaymentFixtures.pendingPaymentAtGateway();
        String reference = processing.gatewayReference();
        when(repository.findUnresolved(later.instant().minus(STALE_AFTER), 100)).thenReturn(List.of(processing));
        when(gateway.retrieveIntent(reference)).thenReturn(
                new GatewayIntent(reference, null, PaymentStatus.SUCCEEDED, "ch_9", null, null, 0));
        when(repository.findByGatewayReference(reference)).thenReturn(Optional.of(processing));

        Report report = serviceAt(later).reconcile();

        assertThat(report).isEqualTo(new Report(1, 1, 0, 0, 0));
        assertThat(processing.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(processing.transactionId()).isEqualTo("ch_9");
        assertThat(processing.unsavedChanges()).last().satisfies(change ->
                assertThat(change.source()).isEqualTo(ChangeSource.RECONCILER));
        verify(handledEvents, never()).record(any());
        verify(notifier).paymentSucceeded(processing, "succeeded");
    }

    @Test
    void a_payment_the_gateway_agrees_with_is_left_alone() {
        Clock later = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        Payment pending = PaymentFixtures.pendingPaymentAtGateway();
        when(repository.findUnresolved(any(), any(Integer.class))).thenReturn(List.of(pending));
        when(gateway.retrieveIntent(pending.gatewayReference())).thenReturn(
                new GatewayIntent(pending.gatewayReference(), null, PaymentStatus.PENDING, null, null, null, 0));

        assertThat(serviceAt(later).reconcile()).isEqualTo(new Report(1, 0, 0, 0, 0));
        verify(repository, never()).update(any());
        verify(gateway, never()).cancelIntent(anyString());
    }

    @Test
    void a_payment_abandoned_in_pending_past_its_ttl_is_canceled_at_the_gateway_and_here() {
        Clock nextDay = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC);
        Payment pending = PaymentFixtures.pendingPaymentAtGateway();
        String reference = pending.gatewayReference();
        when(repository.findUnresolved(any(), any(Integer.class))).thenReturn(List.of(pending));
        when(gateway.retrieveIntent(reference))
                .thenReturn(new GatewayIntent(reference, null, PaymentStatus.PENDING, null, null, null, 0));
        when(repository.findByGatewayReference(reference)).thenReturn(Optional.of(pending));

        assertThat(serviceAt(nextDay).reconcile()).isEqualTo(new Report(1, 0, 1, 0, 0));
        verify(gateway).cancelIntent(reference);
        assertThat(pending.status()).isEqualTo(PaymentStatus.CANCELED);
    }

    @Test
    void a_gateway_outage_is_counted_and_does_not_stop_the_run() {
        Clock later = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        Payment first = PaymentFixtures.pendingPaymentAtGateway();
        Payment second = PaymentFixtures.pendingPaymentAtGateway();
        when(repository.findUnresolved(any(), any(Integer.class))).thenReturn(List.of(first, second));
        when(gateway.retrieveIntent(first.gatewayReference()))
                .thenThrow(new GatewayException(GatewayException.Reason.UNAVAILABLE, "down", null, null, null));
        when(gateway.retrieveIntent(second.gatewayReference())).thenReturn(
                new GatewayIntent(second.gatewayReference(), null, PaymentStatus.PROCESSING, null, null, null, 0));
        when(repository.findByGatewayReference(second.gatewayReference())).thenReturn(Optional.of(second));

        assertThat(serviceAt(later).reconcile()).isEqualTo(new Report(2, 1, 0, 1, 0));
        assertThat(second.status()).isEqualTo(PaymentStatus.PROCESSING);
    }

    @Test
    void a_refund_left_pending_past_the_grace_period_that_the_gateway_never_made_is_released() {
        Clock later = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        Payment payment = PaymentFixtures.succeededPayment();
        Refund pending = payment.requestRefund("rf_lost", 500L, null, null, PaymentFixtures.NOW);
        when(refunds.findPendingRefunds(later.instant().minus(STALE_AFTER), 100)).thenReturn(List.of(pending));
        when(repository.findById(payment.id())).thenReturn(Optional.of(payment));
        when(gateway.listRefunds(payment.gatewayReference())).thenReturn(List.of(
                new ListedRefund("re_other", "rf_someone_else", 200, false, null, 200)));

        assertThat(serviceAt(later).reconcile().refundsSettled()).isEqualTo(1);

        verify(refunds).updateRefund(pending.failed());
        assertThat(PaymentFixtures.refundableOf(payment)).isEqualTo(1250);
        verify(gateway, never()).refund(anyString(), anyLong(), anyString());
    }

    @Test
    void a_refund_the_gateway_made_is_recorded_with_the_gateways_id_and_total() {
        Clock later = Clock.fixed(PaymentFixtures.NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        Payment payment = PaymentFixtures.succeededPayment();
        Refund pending = payment.requestRefund("rf_lost", 500L, null, null, PaymentFixtures.NOW);
        when(refunds.findPendingRefunds(any(), any(Integer.class))).thenReturn(List.of(pending));
        when(repository.findById(payment.id())).thenReturn(Optional.of(payment));
        when(gateway.listRefunds(payment.gatewayReference())).thenReturn(List.of(
                new ListedRefund("re_made", "rf_lost", 500, false, null, 500)));

        serviceAt(later).reconcile();

        verify(refunds).updateRefund(pending.succeeded("re_made"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.refundedAmount()).isEqualTo(500);
        verify(notifier).paymentRefunded(payment, "refunded:500");
    }
}
