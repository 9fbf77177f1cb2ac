package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Token buckets in the rate_limit_buckets table (Bucket4j, one row per limit and subject, read with SELECT …
 * FOR UPDATE), so every instance spends the same allowance. A limit refills all at once at the end of each
 * period, counted from the subject's first request: "capacity per period", not a trickle.
 */
public class PostgresRateLimiter implements RateLimiter {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final SQLExceptionSubclassTranslator errors = new SQLExceptionSubclassTranslator();

    public PostgresRateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                // A full bucket is the same as no row: it may go (removeExpired).
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public Optional<Duration> tryConsume(Limit limit, String subject) {
        return waitOf(() -> {
            var probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }, limit);
    }

    @Override
    public Optional<Duration> waitFor(Limit limit, String subject) {
        return waitOf(() -> {
            var probe = bucket(limit, subject).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }, limit);
    }

    @Override
    public int removeExpired(int batchSize) {
        return translated(() -> (long) buckets.removeExpired(batchSize), "expired rate limits").intValue();
    }

    private BucketProxy bucket(Limit limit, String subject) {
        // The limit's size is part of the key: a changed limit starts afresh instead of keeping the stored one.
        String key = limit.name() + ':' + limit.capacity() + '/' + limit.period() + ':' + subject;
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period()).build())
                .build());
    }

    private Optional<Duration> waitOf(NanosCall call, Limit limit) {
        long nanos = translated(call, "rate limit " + limit.name());
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /**
     * Bucket4j wraps the driver's exception; the app expects Spring's, as from every other JDBC adapter. Its SQL is
     * fixed, so a failure that says nothing more (its rollback on a lost connection hides the first) is the database.
     */
    private Long translated(NanosCall call, String task) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    DataAccessException translated = errors.translate(task, null, sql);
                    throw translated != null ? translated
                            : new DataAccessResourceFailureException(task + ": " + sql.getMessage(), sql);
                }
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface NanosCall {
        long run();
    }
}
