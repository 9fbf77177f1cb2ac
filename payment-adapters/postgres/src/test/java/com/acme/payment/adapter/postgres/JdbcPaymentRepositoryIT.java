package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.loggedEvent;
import static com.acme.payment.domain.testing.PaymentFixtures.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.Customer;
import com.acme.payment.domain.model.Money;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.port.out.GatewayEventLedger;
import com.acme.payment.domain.port.out.PaymentQueries;
import com.acme.payment.domain.port.out.PaymentRepository;
import com.acme.payment.domain.port.out.RefundLedger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcPaymentRepositoryIT extends PaymentRepositoryContract {

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
    private final JdbcPaymentRepository repository = new JdbcPaymentRepository(jdbc);
    private final JdbcRefundLedger refunds = new JdbcRefundLedger(jdbc);
    private final JdbcGatewayEventLedger gatewayEvents = new JdbcGatewayEventLedger(jdbc);
    private final JdbcPaymentQueries queries = new JdbcPaymentQueries(jdbc);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(PostgresTestDatabase.dataSource()));

    @Override
    protected PaymentRepository payments() {
        return repository;
    }

    @Override
    protected RefundLedger refunds() {
        return refunds;
    }

    @Override
    protected GatewayEventLedger gatewayEvents() {
        return gatewayEvents;
    }

    @Override
    protected PaymentQueries queries() {
        return queries;
    }

    @Override
    protected void deleteAll() {
        PostgresTestDatabase.deleteAllData();
    }

    @Test
    void storesStatusesByTheirApiNamesAndMetadataAsJsonb() {
        Payment payment = storedWithStatus(PaymentStatus.REQUIRES_ACTION, "ada@example.com", usd(), T0);
        Payment withMetadata = Payment.start(PaymentId.random(), new Customer("Zoë", "zoe@example.com"), "pon-ftth",
                usd(), "sandbox", null, null, Map.of("note", "naïve ☃"), T0);
        repository.insert(withMetadata);

        assertThat(jdbc.sql("SELECT status FROM payments WHERE payment_id = ?").param(payment.id().value())
                .query(String.class).single()).isEqualTo("requires_action");
        assertThat(jdbc.sql("SELECT metadata ->> 'note' FROM payments WHERE payment_id = ?")
                .param(withMetadata.id().value()).query(String.class).single()).isEqualTo("naïve ☃");
    }

    @Test
    void aPaymentAndItsHistoryAreStoredTogetherOrNotAtAll() {
        Payment payment = newPayment("ada@example.com", usd(), T0);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            repository.insert(payment);
            throw new IllegalStateException("use case failed after storing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.findById(payment.id())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM payment_status_history").query(Long.class).single()).isZero();
    }

    @Test
    void aRecordedGatewayEventIsForgottenWhenTheCallersTransactionRollsBack() {
        String eventId = newEventId();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            assertThat(gatewayEvents.record(loggedEvent(eventId, null, LoggedEventOutcome.APPLIED, T0))).isTrue();
            throw new IllegalStateException("applying the event failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(gatewayEvents.record(loggedEvent(eventId, null, LoggedEventOutcome.APPLIED, T0))).isTrue();
    }

    @Test
    void updatingARefundThatWasNeverStoredFails() {
        Refund neverStored = new Refund(Refund.newId(), PaymentId.random(), 100, Refund.Status.PENDING, null, null,
                null, T0);

        assertThatThrownBy(() -> refunds.updateRefund(neverStored.failed()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(neverStored.refundId());
    }

    @Test
    void aRefundForAnUnknownPaymentIsRejectedByTheDatabase() {
        Refund orphan = new Refund(Refund.newId(), PaymentId.random(), 100, Refund.Status.PENDING, null, "k", null, T0);

        assertThatThrownBy(() -> refunds.insertRefund(orphan))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("refunds_payment_fkey");
    }

    @Test
    void aSecondPaymentWithAnExistingIdIsNotMistakenForAnIdempotencyConflict() {
        Payment payment = stored(newPayment("ada@example.com", usd(), T0, "key-a"));
        Payment sameId = Payment.reconstitute(new PaymentSnapshot(payment.id(), "Bob", "bob@example.com", "pon-ftth",
                1250, "USD", PaymentStatus.PENDING, "sandbox", null, null, null, null, 0, 0, Map.of(), "key-b", null,
                0, T0, T0));

        assertThatThrownBy(() -> repository.insert(sameId))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("payments_pkey");
    }

    @Test
    void aRefundAmountOverThePaymentIsRejectedByTheDatabase() {
        Payment payment = storedWithStatus(PaymentStatus.SUCCEEDED, "ada@example.com", usd(), T0);
        Payment corrupted = Payment.reconstitute(new PaymentSnapshot(payment.id(), "Ada", "ada@example.com",
                "pon-ftth", 1250, "USD", PaymentStatus.SUCCEEDED, "sandbox", payment.gatewayReference(), "ch", null,
                null, 0, Money.charge(5000, "USD").minorUnits(), Map.of(), null, null, payment.version(), T0, T0));

        assertThatThrownBy(() -> repository.update(corrupted))
                .hasMessageContaining("payments_reserved_within_amount");
    }
}
