package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.adapter.postgres.testing.PostgresTestDatabase;
import com.acme.payment.domain.port.out.RateLimiter.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PostgresRateLimiterIT {

    /** Two app instances on the shared database. */
    private final PostgresRateLimiter instanceA = new PostgresRateLimiter(PostgresTestDatabase.dataSource());
    private final PostgresRateLimiter instanceB = new PostgresRateLimiter(PostgresTestDatabase.dataSource());
    private final Limit twoAMinute = new Limit("test-" + UUID.randomUUID(), 2, Duration.ofMinutes(1));

    @Test
    void instancesSpendOneAllowancePerSubject() {
        assertThat(instanceA.tryConsume(twoAMinute, "10.0.0.1")).isEmpty();
        assertThat(instanceB.tryConsume(twoAMinute, "10.0.0.1")).isEmpty();

        Optional<Duration> refused = instanceA.tryConsume(twoAMinute, "10.0.0.1");

        assertThat(refused).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(instanceB.waitFor(twoAMinute, "10.0.0.1")).isPresent();
        assertThat(instanceB.tryConsume(twoAMinute, "10.0.0.2")).as("another subject").isEmpty();
        assertThat(instanceB.tryConsume(new Limit(twoAMinute.name() + "-other", 2, Duration.ofMinutes(1)), "10.0.0.1"))
                .as("another limit").isEmpty();
    }

    @Test
    void concurrentRequestsOnTwoInstancesSpendNoMoreThanTheAllowance() throws Exception {
        Limit fifty = new Limit(twoAMinute.name(), 50, Duration.ofMinutes(1));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                PostgresRateLimiter instance = i % 2 == 0 ? instanceA : instanceB;
                answers.add(clients.submit(() -> instance.tryConsume(fifty, "10.0.0.6").isEmpty()));
            }
            int allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(50);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void askingDoesNotSpend() {
        for (int i = 0; i < 5; i++) {
            assertThat(instanceA.waitFor(twoAMinute, "10.0.0.3")).isEmpty();
        }

        assertThat(instanceA.tryConsume(twoAMinute, "10.0.0.3")).isEmpty();
        assertThat(instanceA.tryConsume(twoAMinute, "10.0.0.3")).isEmpty();
        assertThat(instanceA.tryConsume(twoAMinute, "10.0.0.3")).isPresent();
    }

    @Test
    void removesTheRowsOfBucketsThatAreFullAgain() throws InterruptedException {
        Limit shortLived = new Limit(twoAMinute.name(), 1, Duration.ofMillis(200));
        instanceA.tryConsume(shortLived, "10.0.0.4");
        instanceA.tryConsume(twoAMinute, "10.0.0.4");
        JdbcClient jdbc = JdbcClient.create(PostgresTestDatabase.dataSource());
        String keys = "SELECT count(*) FROM rate_limit_buckets WHERE id LIKE ?";

        Thread.sleep(400);
        instanceB.removeExpired(1000);

        assertThat(jdbc.sql(keys).param(twoAMinute.name() + ":1/%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql(keys).param(twoAMinute.name() + ":2/%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAResourceFailure() {
        PostgresRateLimiter unreachable = new PostgresRateLimiter(
                new DriverManagerDataSource("jdbc:postgresql://localhost:1/postgres?connectTimeout=1", "postgres", ""));

        assertThatThrownBy(() -> unreachable.tryConsume(twoAMinute, "10.0.0.5"))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }
}
