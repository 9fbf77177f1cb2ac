package com.acme.payment.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.acme.payment.domain.model.GatewayException;
import com.acme.payment.domain.model.IdempotencyKeyReusedException;
import com.acme.payment.domain.model.InvalidAmountException;
import com.acme.payment.domain.model.InvalidPaymentRequestException;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Command;
import com.acme.payment.domain.port.in.StartPaymentUseCase.Result;
import com.acme.payment.domain.port.out.DuplicateIdempotencyKeyException;
import com.acme.payment.domain.port.out.PaymentGateway;
import com.acme.payment.domain.port.out.PaymentGateway.GatewayIntent;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.testing.ImmediateTransactions;
import com.acme.payment.domain.testing.PaymentFixtures;
import com.acme.payment.domain.testing.RecordedPaymentEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class StartPaymentServiceTest {

    @Mock
    PaymentRepository repository;
    @Mock
    PaymentGateway gateway;
    ImmediateTransactions transactions = new ImmediateTransactions();
    RecordedPaymentEvents events = new RecordedPaymentEvents();
    StartPaymentService service;

    @BeforeEach
    void setUp() {
        service = new StartPaymentService(repository, gateway, transactions, events, PaymentFixtures.CATALOG,
                PaymentFixtures.CLOCK);
    }

    @Test
    void stores_the_payment_before_calling_the_gateway_and_then_attaches_the_intent() {
        when(gateway.name()).thenReturn("sandbox");
        List<String> referencesWhenInserted = new ArrayList<>();
        doAnswer(invocation -> referencesWhenInserted.add(String.valueOf(
                ((Payment) invocation.getArgument(0)).gatewayReference()))).when(repository).insert(any());
        when(gateway.createIntent(any())).thenReturn(intent("pi_123"));

        Result result = service.start(command("key-1", 1250));

        assertThat(result.replayed()).isFalse();
        assertThat(result.clientSecret()).isEqualTo("pi_123_secret_abc");
        assertThat(result.payment().gatewayReference()).isEqualTo("pi_123");
        assertThat(result.payment().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(referencesWhenInserted).containsExactly("null");
        verify(repository).update(result.payment());
        verify(repository, never()).findById(any());
        assertThat(transactions.started()).isEqualTo(2);
    }

    @Test
    void a_payment_changed_while_the_intent_was_created_gets_the_reference_on_a_fresh_copy() {
        when(gateway.name()).thenReturn("sandbox");
        List<Payment> storedCopies = new ArrayList<>();
        doAnswer(invocation -> storedCopies.add(Payment.reconstitute(((Payment) invocation.getArgument(0)).snapshot())))
                .when(repository).insert(any());
        when(gateway.createIntent(any())).thenReturn(intent("pi_789"));
        doAnswer(invocation -> {
            Payment stale = invocation.getArgument(0);
            when(repository.findById(stale.id())).thenReturn(Optional.of(storedCopies.get(0)));
            throw new StalePaymentException(stale.id(), stale.version());
        }).doAnswer(invocation -> null).when(repository).update(any());

        Result result = service.start(command("key-3", 1250));

        assertThat(result.payment()).isSameAs(storedCopies.get(0));
        assertThat(result.payment().gatewayReference()).isEqualTo("pi_789");
        verify(repository, times(2)).update(any());
    }

    @Test
    void the_same_key_and_request_return_the_same_payment_without_a_second_intent() {
        Payment earlier = PaymentFixtures.pendingPaymentAtGateway();
        Payment stored = withFingerprint(earlier, StartPaymentService.fingerprint(command("key-1", 1250)));
        keyAlreadyUsedBy(stored, "key-1");
        when(gateway.retrieveIntent(stored.gatewayReference())).thenReturn(intent(stored.gatewayReference()));

        Result result = service.start(command("key-1", 1250));

        assertThat(result.replayed()).isTrue();
        assertThat(result.payment().id()).isEqualTo(stored.id());
        verify(repository, never()).update(any());
        verify(gateway, never()).createIntent(any());
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        Payment stored = withFingerprint(PaymentFixtures.pendingPaymentAtGateway(),
                StartPaymentService.fingerprint(command("key-1", 1250)));
        keyAlreadyUsedBy(stored, "key-1");

        assertThatThrownBy(() -> service.start(command("key-1", 9999)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        verify(repository, never()).update(any());
        verify(gateway, never()).createIntent(any());
    }

    @Test
    void invalid_requests_write_nothing_and_name_the_field() {
        assertThatThrownBy(() -> service.start(new Command("Ada", "ada@example.com", "pon-ftth", 49, "USD", null, null)))
                .isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> service.start(new Command("Ada", "ada@example.com", "plumbing", 1250, "USD", null, null)))
                .isInstanceOf(InvalidPaymentRequestException.class)
                .extracting(e -> ((InvalidPaymentRequestException) e).field()).isEqualTo("serviceType");
        assertThatThrownBy(() -> service.start(new Command("Ada", "ada@example.com", "pon-ftth", 1250, "GBP", null, null)))
                .isInstanceOf(InvalidAmountException.class)
                .extracting(e -> ((InvalidPaymentRequestException) e).field()).isEqualTo("currency");
        verify(repository, never()).insert(any());
        assertThat(transactions.started()).isZero();
    }

    @Test
    void a_gateway_failure_leaves_the_payment_pending_and_a_retry_with_the_key_creates_the_intent() {
        when(gateway.name()).thenReturn("sandbox");
        ArgumentCaptor<Payment> inserted = ArgumentCaptor.forClass(Payment.class);
        doAnswer(invocation -> null).when(repository).insert(inserted.capture());
        when(gateway.createIntent(any()))
                .thenThrow(new GatewayException(GatewayException.Reason.UNAVAILABLE, "down", null, null, null))
                .thenReturn(intent("pi_456"));

        assertThatThrownBy(() -> service.start(command("key-2", 1250))).isInstanceOf(GatewayException.class);
        verify(repository, never()).update(any());

        keyAlreadyUsedBy(Payment.reconstitute(inserted.getValue().snapshot()), "key-2");
        Result retried = service.start(command("key-2", 1250));

        assertThat(retried.replayed()).isTrue();
        assertThat(retried.payment().gatewayReference()).isEqualTo("pi_456");
    }

    /** As the repository answers a second insert with the key: the unique constraint refuses it. */
    private void keyAlreadyUsedBy(Payment stored, String key) {
        when(gateway.name()).thenReturn("sandbox");
        doThrow(new DuplicateIdempotencyKeyException(key, null)).when(repository).insert(any());
        when(repository.findByIdempotencyKey(key)).thenReturn(Optional.of(stored));
    }

    private static Command command(String key, long amount) {
        return new Command("Ada Lovelace", "ada@example.com", "pon-ftth", amount, "USD", key, null);
    }

    private static GatewayIntent intent(String reference) {
        return new GatewayIntent(reference, reference + "_secret_abc", PaymentStatus.PENDING, null, null, null, 0);
    }

    private static Payment withFingerprint(Payment payment, String fingerprint) {
        PaymentSnapshot s = payment.snapshot();
        return Payment.reconstitute(new PaymentSnapshot(s.id(), s.customerName(), s.customerEmail(), s.serviceType(),
                s.amount(), s.currency(), s.status(), s.gateway(), s.gatewayReference(), s.transactionId(),
                s.failureCode(), s.failureMessage(), s.refundedAmount(), s.refundReservedAmount(), s.metadata(),
                "key-1", fingerprint, s.version(), s.createdAt(), s.updatedAt()));
    }
}
