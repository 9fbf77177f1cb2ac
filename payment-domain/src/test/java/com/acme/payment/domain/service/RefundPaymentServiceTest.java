package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.RefundNotAllowedException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.in.RefundPaymentUseCase.Command;
import com.acme.payment.domain.port.in.RefundPaymentUseCase.Result;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayRefund;
import com.acme.payment.domain.port.out.PaymentNotifier;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class RefundPaymentServiceTest {

    @Mock
    PaymentRepository repository;
    @Mock
    RefundLedger refunds;
    @Mock
    PaymentGateway gateway;
    @Mock
    PaymentNotifier notifier;
    RecordedPaymentEvents events = new RecordedPaymentEvents();
    RefundPaymentService service;
    Payment payment;
    /** What the repository holds: updates replace it, loads rebuild from it. */
    final AtomicReference<PaymentSnapshot> stored = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        service = new RefundPaymentService(repository, refunds, gateway, new ImmediateTransactions(), events, notifier,
                PaymentFixtures.CLOCK);
        payment = PaymentFixtures.succeededPayment();
        payment.markSaved(1);
        stored.set(payment.snapshot());
        when(repository.findById(payment.id())).thenAnswer(i -> Optional.of(Payment.reconstitute(stored.get())));
        org.mockito.Mockito.lenient().doAnswer(i -> {
            stored.set(((Payment) i.getArgument(0)).snapshot());
            return null;
        }).when(repository).update(any());
    }

    @Test
    void a_partial_refund_is_reserved_made_at_the_gateway_then_recorded_with_a_notice() {
        ArgumentCaptor<Payment> updates = ArgumentCaptor.forClass(Payment.class);
        when(gateway.refund(anyString(), anyLong(), anyString())).thenReturn(new GatewayRefund("re_1", 500));

        Result result = service.refund(new Command(payment.id().value(), 500L, "damaged", "key-1", "alice"));

        assertThat(result.replayed()).isFalse();
        assertThat(result.refund().status()).isEqualTo(Refund.Status.SUCCEEDED);
        assertThat(result.refund().gatewayRefundId()).isEqualTo("re_1");
        verify(repository, org.mockito.Mockito.times(2)).update(updates.capture());
        assertThat(updates.getAllValues().get(0).snapshot().refundReservedAmount()).isEqualTo(500);
        Payment recorded = updates.getAllValues().get(1);
        assertThat(recorded.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(recorded.snapshot().refundReservedAmount()).isZero();
        assertThat(recorded.unsavedChanges()).last().extracting(StatusChange::actor).isEqualTo("alice");
        verify(refunds).insertRefund(any());
        verify(notifier).paymentRefunded(any(), org.mockito.ArgumentMatchers.eq("refunded:500"));
    }

    @Test
    void a_refused_refund_releases_the_reservation_and_marks_the_refund_failed() {
        when(gateway.refund(anyString(), anyLong(), anyString()))
                .thenThrow(new GatewayException(GatewayException.Reason.INVALID_REQUEST, "no", null, null, null));
        ArgumentCaptor<Payment> updates = ArgumentCaptor.forClass(Payment.class);
        ArgumentCaptor<Refund> outcomes = ArgumentCaptor.forClass(Refund.class);

        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 500L, null, null, "alice")))
                .isInstanceOf(GatewayException.class);

        verify(repository, org.mockito.Mockito.times(2)).update(updates.capture());
        assertThat(updates.getValue().snapshot().refundReservedAmount()).isZero();
        assertThat(updates.getValue().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        verify(refunds).updateRefund(outcomes.capture());
        assertThat(outcomes.getValue().status()).isEqualTo(Refund.Status.FAILED);
        verify(notifier, never()).paymentRefunded(any(), anyString());
    }

    @Test
    void a_refund_with_an_unknown_outcome_stays_pending_and_reserved_until_a_retry_with_its_key_settles_it() {
        ArgumentCaptor<String> gatewayKeys = ArgumentCaptor.forClass(String.class);
        when(gateway.refund(anyString(), anyLong(), gatewayKeys.capture()))
                .thenThrow(new GatewayException(GatewayException.Reason.UNAVAILABLE, "500", null, null, null))
                .thenReturn(new GatewayRefund("re_1", 500));
        ArgumentCaptor<Refund> inserted = ArgumentCaptor.forClass(Refund.class);

        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 500L, null, "key-1", "alice")))
                .isInstanceOf(GatewayException.class);

        verify(refunds).insertRefund(inserted.capture());
        verify(refunds, never()).updateRefund(any());
        Payment afterFailure = Payment.reconstitute(stored.get());
        assertThat(afterFailure.snapshot().refundReservedAmount()).isEqualTo(500);
        assertThat(PaymentFixtures.refundableOf(afterFailure)).isEqualTo(750);
        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 751L, null, "key-2", "alice")))
                .as("the money that may already be refunded cannot be refunded again")
                .isInstanceOf(RefundNotAllowedException.class);

        when(refunds.findRefundByIdempotencyKey(payment.id(), "key-1")).thenReturn(Optional.of(inserted.getValue()));
        Result retried = service.refund(new Command(payment.id().value(), 500L, null, "key-1", "alice"));

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.refund().status()).isEqualTo(Refund.Status.SUCCEEDED);
        assertThat(gatewayKeys.getAllValues()).containsOnly(inserted.getValue().refundId());
        Payment settled = Payment.reconstitute(stored.get());
        assertThat(settled.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(settled.snapshot().refundReservedAmount()).isZero();
        assertThat(settled.refundedAmount()).isEqualTo(500);
    }

    @Test
    void more_than_the_refundable_amount_is_refused_before_the_gateway_is_called() {
        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 1251L, null, null, "alice")))
                .isInstanceOf(RefundNotAllowedException.class);
        verify(gateway, never()).refund(anyString(), anyLong(), anyString());
        verify(refunds, never()).insertRefund(any());
    }

    @Test
    void the_same_idempotency_key_returns_the_earlier_refund_and_another_amount_is_refused() {
        Refund earlier = new Refund("rf_1", payment.id(), 500, Refund.Status.SUCCEEDED, null, "key-1", "re_1",
                PaymentFixtures.NOW);
        when(refunds.findRefundByIdempotencyKey(payment.id(), "key-1")).thenReturn(Optional.of(earlier));

        Result replay = service.refund(new Command(payment.id().value(), 500L, null, "key-1", "alice"));
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.refund()).isEqualTo(earlier);
        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 600L, null, "key-1", "alice")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        verify(gateway, never()).refund(anyString(), anyLong(), anyString());
    }

    @Test
    void the_same_idempotency_key_with_another_reason_is_refused() {
        Refund earlier = new Refund("rf_1", payment.id(), 500, Refund.Status.SUCCEEDED, "damaged", "key-1", "re_1",
                PaymentFixtures.NOW);
        when(refunds.findRefundByIdempotencyKey(payment.id(), "key-1")).thenReturn(Optional.of(earlier));

        assertThat(service.refund(new Command(payment.id().value(), 500L, "damaged", "key-1", "alice")).refund())
                .isEqualTo(earlier);
        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 500L, "goodwill", "key-1", "alice")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> service.refund(new Command(payment.id().value(), 500L, null, "key-1", "alice")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        verify(gateway, never()).refund(anyString(), anyLong(), anyString());
    }
}
