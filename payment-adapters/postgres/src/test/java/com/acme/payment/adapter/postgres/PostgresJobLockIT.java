package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class PostgresJobLockIT {

    /** Two app instances, each with its own connections to the shared database. */
    private final PostgresJobLock instanceA = new PostgresJobLock(PostgresTestDatabase.dataSource());
    private final PostgresJobLock instanceB = new PostgresJobLock(PostgresTestDatabase.dataSource());
    private final ExecutorService threads = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void runsTheJobWhenNobodyElseIs() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(instanceA.runExclusively("reconcile", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void skipsAJobAnotherInstanceIsRunningButRunsOtherJobs() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> holder = threads.submit(() -> instanceA.runExclusively("reconcile", () -> {
            running.countDown();
            awaitQuietly(release);
        }));
        running.await(10, TimeUnit.SECONDS);
        AtomicInteger runs = new AtomicInteger();

        try {
            assertThat(instanceB.runExclusively("reconcile", runs::incrementAndGet)).isFalse();
            assertThat(runs).hasValue(0);
            assertThat(instanceB.runExclusively("dispatch-notifications", runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(1);
        } finally {
            release.countDown();
        }
        assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(instanceB.runExclusively("reconcile", runs::incrementAndGet)).isTrue();
    }

    @Test
    void releasesTheLockOnAPooledConnectionAfterTheJobEvenWhenItFails() {
        // A pool hands the same session back: only an explicit unlock frees the lock for the other instance.
        SingleConnectionDataSource pooled = new SingleConnectionDataSource(PostgresTestDatabase.jdbcUrl(),
                PostgresTestDatabase.username(), "", true);
        PostgresJobLock pooledInstance = new PostgresJobLock(pooled);
        try {
            pooledInstance.runExclusively("reconcile", () -> {
            });
            assertThat(instanceB.runExclusively("reconcile", () -> {
            })).isTrue();

            assertThatThrownBy(() -> pooledInstance.runExclusively("reconcile", () -> {
                throw new IllegalStateException("job failed");
            })).hasMessage("job failed");
            assertThat(instanceB.runExclusively("reconcile", () -> {
            })).isTrue();
        } finally {
            pooled.destroy();
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
