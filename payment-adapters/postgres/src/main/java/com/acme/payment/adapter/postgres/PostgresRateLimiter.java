package com.acme.payment.adapter.postgres;

import com.acme.payment.domain.port.out.RateLimiter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in the rate_limit_buckets table (Bucket4j, one row per limit and subject, {@link PostgresBucketTable}),
 * so every instance spends the same allowance. A limit refills all at once at the end of each period, counted from
 * the subject's first request: "capacity per period", not a trickle.
 */
public class PostgresRateLimiter implements RateLimiter {

    private final PostgresBucketTable buckets;

    public PostgresRateLimiter(DataSource dataSource) {
        // A full bucket is the same as no row: it may go (removeExpired).
        this.buckets = new PostgresBucketTable(dataSource,
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO));
    }

    @Override
    public Optional<Duration> tryConsume(Limit limit, String subject) {
        var probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public Optional<Duration> waitFor(Limit limit, String subject) {
        var probe = bucket(limit, subject).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public int removeExpired(int batchSize) {
        return buckets.removeExpired(batchSize);
    }

    private BucketProxy bucket(Limit limit, String subject) {
        // The limit's size is part of the key: a changed limit starts afresh instead of keeping the stored one.
        String key = limit.name() + ':' + limit.capacity() + '/' + limit.period() + ':' + subject;
        return buckets.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillIntervally(limit.capacity(), limit.period()).build())
                .build());
    }
}
