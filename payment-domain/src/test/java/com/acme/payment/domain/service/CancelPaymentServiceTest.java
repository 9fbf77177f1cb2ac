package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.IllegalTransitionException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentNotFoundException;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.port.out.HostedCheckout;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CancelPaymentServiceTest {

    @Mock
    PaymentRepository repository;
    @Mock
    PaymentGateway gateway;
    @Mock
    HostedCheckout checkout;
    RecordedPaymentEvents events = new RecordedPaymentEvents();

    CancelPaymentService service() {
        return new CancelPaymentService(repository, gateway, checkout, new ImmediateTransactions(), events,
                PaymentFixtures.CLOCK);
    }

    @Test
    void cancels_at_the_gateway_first_then_records_it() {
        Payment pending = PaymentFixtures.pendingPaymentAtGateway();
        when(repository.findById(pending.id())).thenAnswer(i -> Optional.of(Payment.reconstitute(pending.snapshot())));

        Payment canceled = service().cancel(pending.id().value(), "alice");

        assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
        verify(gateway).cancelIntent(pending.gatewayReference());
        assertThat(canceled.unsavedChanges()).last().extracting(StatusChange::actor).isEqualTo("alice");
        verify(repository).update(canceled);
    }

    @Test
    void a_succeeded_payment_cannot_be_canceled_and_the_gateway_is_not_asked() {
        Payment succeeded = PaymentFixtures.succeededPayment();
        when(repository.findById(succeeded.id())).thenReturn(Optional.of(succeeded));

        assertThatThrownBy(() -> service().cancel(succeeded.id().value(), "alice"))
                .isInstanceOf(IllegalTransitionException.class);
        verify(gateway, never()).cancelIntent(anyString());
        verify(repository, never()).update(any());
    }

    @Test
    void an_unknown_or_malformed_id_is_not_found() {
        assertThatThrownBy(() -> service().cancel("pay_doesnotexist00000000000", "alice"))
                .isInstanceOf(PaymentNotFoundException.class);
        assertThatThrownBy(() -> service().cancel("../etc/passwd", "alice")).isInstanceOf(PaymentNotFoundException.class);
    }
}
