package com.acme.payment.domain.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Allowances kept where every app instance sees them, so N instances do not give a client N times the limit.
 * A subject (a client address, a username) may spend a limit {@code capacity} times in each {@code period};
 * the answer is empty when it may go on, otherwise how long it has to wait.
 */
public interface RateLimiter {

    /** Spends one of the subject's allowance. */
    Optional<Duration> tryConsume(Limit limit, String subject);

    /** Whether the subject has any allowance left, without spending it. */
    Optional<Duration> waitFor(Limit limit, String subject);

    /** Forgets up to {@code batchSize} allowances that are whole again; returns how many it forgot. */
    int removeExpired(int batchSize);

    /** @param name tells the limits apart: a subject has an allowance per limit */
    record Limit(String name, int capacity, Duration period) {
        public Limit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(period, "period");
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a capacity and a period above zero");
            }
        }
    }
}
