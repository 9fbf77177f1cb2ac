package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.loggedEvent;
import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static com.acme.payment.domain.testing.PaymentFixtures.event;
import static com.acme.payment.domain.testing.PaymentFixtures.succeededPayment;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.LoggedEventOutcome;
import com.acme.payment.domain.model.ChangeSource;
import com.acme.payment.domain.model.GatewayEvent;
import com.acme.payment.domain.model.GatewayEventType;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.model.PaymentSnapshot;
import com.acme.payment.domain.model.PaymentStatus;
import com.acme.payment.domain.model.Refund;
import com.acme.payment.domain.model.RefundNotAllowedException;
import com.acme.payment.domain.model.StalePaymentException;
import com.acme.payment.domain.model.StatusChange;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Several app instances handling the same payment at once, as the app runs them: one transaction per use case. */
class JdbcPaymentRepositoryConcurrencyIT {

    private static final int THREADS = 16;

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
    private final JdbcPaymentRepository repository = new JdbcPaymentRepository(jdbc);
    private final JdbcRefundLedger refunds = new JdbcRefundLedger(jdbc);
    private final JdbcGatewayEventLedger gatewayEvents = new JdbcGatewayEventLedger(jdbc);
    private final JdbcPaymentQueries queries = new JdbcPaymentQueries(jdbc);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(PostgresTestDatabase.dataSource()));
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @BeforeEach
    void startFromAnEmptyDatabase() {
        PostgresTestDatabase.deleteAllData();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aGatewayEventDeliveredSixteenTimesAtOnceIsAppliedExactlyOnce() throws Exception {
        Payment payment = PaymentFixtures.pendingPaymentAtGateway();
        repository.insert(payment);
        GatewayEvent succeeded = event(GatewayEventType.SUCCEEDED, payment.gatewayReference());
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Boolean> applied = runAll(THREADS, () -> {
            start.await(10, TimeUnit.SECONDS);
            return transaction.execute(status -> {
                if (!gatewayEvents.record(loggedEvent(succeeded.eventId(), null, LoggedEventOutcome.APPLIED, NOW))) {
                    return false;
                }
                Payment current = repository.findByGatewayReference(succeeded.paymentReference()).orElseThrow();
                current.apply(succeeded, ChangeSource.WEBHOOK, NOW);
                // Hold the transaction open so the other deliveries really wait on the first one.
                pause(200);
                repository.update(current);
                return true;
            });
        });

        assertThat(applied).containsOnlyOnce(true).filteredOn(result -> !result).hasSize(THREADS - 1);
        assertThat(repository.findById(payment.id())).get().extracting(Payment::status, Payment::version)
                .containsExactly(PaymentStatus.SUCCEEDED, 1L);
        assertThat(queries.findDetails(payment.id()).orElseThrow().history()).extracting(StatusChange::gatewayEventId)
                .containsOnlyOnce(succeeded.eventId());
    }

    @Test
    void twoConcurrentRefundsThatTogetherExceedTheAmountCannotBothBeReserved() throws Exception {
        Payment payment = succeededPayment();
        repository.insert(payment);
        long eachRefund = payment.amount().minorUnits() * 2 / 3;
        CyclicBarrier bothLoaded = new CyclicBarrier(2);

        List<Boolean> reserved = runAll(2, () -> {
            String idempotencyKey = Thread.currentThread().getName();
            for (int attempt = 1; attempt <= 5; attempt++) {
                boolean firstAttempt = attempt == 1;
                try {
                    transaction.executeWithoutResult(status -> {
                        Payment current = repository.findById(payment.id()).orElseThrow();
                        if (firstAttempt) {
                            // Both read the same version before either writes: the race the version check guards.
                            await(bothLoaded);
                        }
                        Refund refund = current.requestRefund(Refund.newId(), eachRefund, "race", idempotencyKey, NOW);
                        repository.update(current);
                        refunds.insertRefund(refund);
                    });
                    return true;
                } catch (StalePaymentException stale) {
                    // someone else changed the payment first: reload and try again
                } catch (RefundNotAllowedException refused) {
                    return false;
                }
            }
            throw new AssertionError("still stale after 5 attempts");
        });

        assertThat(reserved).containsExactlyInAnyOrder(true, false);
        assertThat(repository.findById(payment.id())).get().extracting(Payment::snapshot)
                .extracting(PaymentSnapshot::refundReservedAmount, PaymentSnapshot::version)
                .containsExactly(eachRefund, 1L);
        assertThat(queries.findDetails(payment.id()).orElseThrow().refunds()).extracting(Refund::amount)
                .containsExactly(eachRefund);
    }

    private <T> List<T> runAll(int count, Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(threads.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other refund never loaded the payment", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
