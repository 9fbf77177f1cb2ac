package com.acme.payment.adapter.postgres;

import static com.acme.payment.domain.testing.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.notification.Notification;
import com.acme.payment.domain.notification.NotificationKind;
import com.acme.payment.domain.notification.OutboxMessage;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcNotificationOutboxIT {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
    private final JdbcNotificationOutbox outbox = new JdbcNotificationOutbox(jdbc);
    private final JdbcPaymentRepository payments = new JdbcPaymentRepository(jdbc);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(PostgresTestDatabase.dataSource()));
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private Payment payment;

    @BeforeEach
    void storeAPayment() {
        PostgresTestDatabase.deleteAllData();
        payment = PaymentFixtures.succeededPayment();
        payments.insert(payment);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void queuesTheSameNoticeOnlyOnce() {
        Notification receipt = receipt("succeeded");

        assertThat(outbox.enqueue(receipt, NOW)).isTrue();
        assertThat(outbox.enqueue(receipt, NOW.plusSeconds(1))).isFalse();
        assertThat(outbox.enqueue(notice(NotificationKind.REFUND_NOTICE, "refunded:500"), NOW)).isTrue();
        assertThat(outbox.enqueue(notice(NotificationKind.REFUND_NOTICE, "refunded:1250"), NOW)).isTrue();

        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox").query(Long.class).single()).isEqualTo(3);
        assertThat(outbox.backlog()).isEqualTo(3);
    }

    @Test
    void aNoticeQueuedInATransactionThatRollsBackIsNeverSent() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.enqueue(receipt("succeeded"), NOW);
            throw new IllegalStateException("the payment change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox.backlog()).isZero();
        assertThat(outbox.claimDue(NOW, 10, LEASE)).isEmpty();
    }

    @Test
    void claimsDueMessagesOldestFirstWithEverythingTheTemplateNeeds() {
        Notification receipt = new Notification(payment.id(), NotificationKind.RECEIPT, "succeeded",
                "zoë@example.com", Map.of("customerName", "Zoë Ångström 山田", "amount", "$12.50"));
        outbox.enqueue(receipt, NOW);
        outbox.enqueue(notice(NotificationKind.DISPUTE_NOTICE, "evt_1"), NOW);

        List<OutboxMessage> claimed = outbox.claimDue(NOW, 10, LEASE);

        assertThat(claimed).extracting(OutboxMessage::notification)
                .containsExactly(receipt, notice(NotificationKind.DISPUTE_NOTICE, "evt_1"));
        assertThat(claimed).extracting(OutboxMessage::attempts).containsOnly(1);
        assertThat(claimed.get(0).id()).isLessThan(claimed.get(1).id());
    }

    @Test
    void claimsNoMoreThanTheLimit() {
        IntStream.range(0, 5).forEach(i -> outbox.enqueue(receipt("key-" + i), NOW));

        assertThat(outbox.claimDue(NOW, 3, LEASE)).hasSize(3);
        assertThat(outbox.claimDue(NOW, 3, LEASE)).hasSize(2);
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainUntilItsLeaseRunsOut() {
        outbox.enqueue(receipt("succeeded"), NOW);
        long id = outbox.claimDue(NOW, 10, LEASE).get(0).id();

        assertThat(outbox.claimDue(NOW.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(NOW.plus(LEASE), 10, LEASE)).singleElement()
                .satisfies(message -> assertThat(message.id()).isEqualTo(id))
                .satisfies(message -> assertThat(message.attempts()).isEqualTo(2));
    }

    @Test
    void aMessageQueuedLaterIsNotDueYet() {
        outbox.enqueue(receipt("succeeded"), NOW.plusSeconds(30));

        assertThat(outbox.claimDue(NOW, 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(NOW.plusSeconds(30), 10, LEASE)).hasSize(1);
    }

    @Test
    void aFailedMessageIsRetriedAtItsNextAttemptWithItsLastError() {
        outbox.enqueue(receipt("succeeded"), NOW);
        long id = outbox.claimDue(NOW, 10, LEASE).get(0).id();
        Instant retryAt = NOW.plusSeconds(30);

        outbox.markFailed(id, "MailSendException: connection refused", retryAt);

        assertThat(outbox.backlog()).isEqualTo(1);
        assertThat(column(id, "last_error")).isEqualTo("MailSendException: connection refused");
        assertThat(column(id, "locked_until")).isNull();
        assertThat(outbox.claimDue(retryAt.minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(outbox.claimDue(retryAt, 10, LEASE)).extracting(OutboxMessage::id, OutboxMessage::attempts)
                .containsExactly(tuple(id, 2));
    }

    @Test
    void aSentMessageLeavesTheBacklogForGood() {
        outbox.enqueue(receipt("succeeded"), NOW);
        long id = outbox.claimDue(NOW, 10, LEASE).get(0).id();

        outbox.markSent(id, NOW.plusSeconds(1));

        assertThat(outbox.backlog()).isZero();
        assertThat(column(id, "status")).isEqualTo("sent");
        assertThat(outbox.claimDue(NOW.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void aDeadMessageKeepsItsLastErrorAndIsNeverClaimedAgain() {
        outbox.enqueue(receipt("succeeded"), NOW);
        long id = outbox.claimDue(NOW, 10, LEASE).get(0).id();

        outbox.markDead(id, "SMTPAddressFailedException: 550 no such user");

        assertThat(outbox.backlog()).isZero();
        assertThat(column(id, "status")).isEqualTo("dead");
        assertThat(column(id, "last_error")).isEqualTo("SMTPAddressFailedException: 550 no such user");
        assertThat(outbox.claimDue(NOW.plus(Duration.ofDays(1)), 10, LEASE)).isEmpty();
    }

    @Test
    void markingAnUnknownMessageFails() {
        assertThatThrownBy(() -> outbox.markSent(424242, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.markFailed(424242, "x", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.markDead(424242, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClaimerSkipsMessagesAnotherClaimerHoldsInsteadOfWaiting() throws Exception {
        IntStream.range(0, 4).forEach(i -> outbox.enqueue(receipt("key-" + i), NOW));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<List<OutboxMessage>> first = threads.submit(() -> transaction.execute(status -> {
            List<OutboxMessage> claimed = outbox.claimDue(NOW, 2, LEASE);
            firstClaimed.countDown();
            // Keep the claimed rows locked, uncommitted, until the second claimer is done.
            awaitQuietly(secondDone);
            return claimed;
        }));
        firstClaimed.await(10, TimeUnit.SECONDS);

        Future<List<OutboxMessage>> second = threads.submit(() -> outbox.claimDue(NOW, 10, LEASE));
        List<OutboxMessage> claimedBySecond = second.get(5, TimeUnit.SECONDS);
        secondDone.countDown();

        assertThat(ids(first.get(10, TimeUnit.SECONDS))).doesNotContainAnyElementsOf(ids(claimedBySecond));
        assertThat(claimedBySecond).hasSize(2);
    }

    @Test
    void concurrentClaimersNeverGetTheSameMessage() throws Exception {
        int messages = 200;
        IntStream.range(0, messages).forEach(i -> outbox.enqueue(receipt("key-" + i), NOW));
        CyclicBarrier start = new CyclicBarrier(4);

        List<Future<List<Long>>> claimers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimers.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                List<Long> claimed = new ArrayList<>();
                List<OutboxMessage> batch;
                do {
                    batch = outbox.claimDue(NOW, 7, LEASE);
                    claimed.addAll(ids(batch));
                } while (!batch.isEmpty() && claimed.size() <= messages);
                return claimed;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> claimer : claimers) {
            all.addAll(claimer.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).hasSize(messages).doesNotHaveDuplicates();
    }

    @Test
    void countsNoticesOfOneKindForOneRecipientSinceATime() {
        outbox.enqueue(notice(NotificationKind.FAILURE_NOTICE, "evt_1"), NOW.minus(Duration.ofMinutes(61)));
        outbox.enqueue(notice(NotificationKind.FAILURE_NOTICE, "evt_2"), NOW.minus(Duration.ofMinutes(59)));
        outbox.enqueue(notice(NotificationKind.FAILURE_NOTICE, "evt_3"), NOW);
        outbox.enqueue(receipt("succeeded"), NOW);
        outbox.enqueue(new Notification(payment.id(), NotificationKind.FAILURE_NOTICE, "evt_4", "grace@example.com",
                Map.of()), NOW);

        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        assertThat(countInATransaction(NotificationKind.FAILURE_NOTICE, "Ada@Example.com", hourAgo)).isEqualTo(2);
        assertThat(countInATransaction(NotificationKind.RECEIPT, "ada@example.com", hourAgo)).isEqualTo(1);
    }

    /** What makes a per-recipient limit hold across app instances: the second count waits for the first's commit. */
    @Test
    void aCountWaitsForAnotherTransactionThatCountedTheSameRecipientAndSeesWhatItQueued() throws Exception {
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        CountDownLatch firstCounted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<Long> first = threads.submit(() -> transaction.execute(status -> {
            long count = outbox.countQueuedSince(NotificationKind.FAILURE_NOTICE, "ada@example.com", hourAgo);
            firstCounted.countDown();
            awaitQuietly(secondStarted);
            awaitAnotherTransactionWaitingForALock();
            outbox.enqueue(notice(NotificationKind.FAILURE_NOTICE, "evt_1"), NOW);
            return count;
        }));
        firstCounted.await(10, TimeUnit.SECONDS);

        Future<Long> second = threads.submit(() -> transaction.execute(status -> {
            secondStarted.countDown();
            return outbox.countQueuedSince(NotificationKind.FAILURE_NOTICE, "ADA@example.com", hourAgo);
        }));

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private Notification receipt(String eventKey) {
        return notice(NotificationKind.RECEIPT, eventKey);
    }

    private Notification notice(NotificationKind kind, String eventKey) {
        return new Notification(payment.id(), kind, eventKey, "ada@example.com", Map.of("amount", "$12.50"));
    }

    private Object column(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM notification_outbox WHERE id = ?").param(id)
                .query((row, rowNumber) -> row.getObject(1)).list().get(0);
    }

    private static Set<Long> ids(List<OutboxMessage> messages) {
        Set<Long> ids = new HashSet<>();
        messages.forEach(message -> ids.add(message.id()));
        return ids;
    }

    private long countInATransaction(NotificationKind kind, String recipient, Instant since) {
        Long count = transaction.execute(status -> outbox.countQueuedSince(kind, recipient, since));
        return count;
    }

    private void awaitAnotherTransactionWaitingForALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second count did not wait for the first transaction");
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
