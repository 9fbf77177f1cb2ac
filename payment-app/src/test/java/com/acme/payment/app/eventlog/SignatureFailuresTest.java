package com.acme.payment.app.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SignatureFailuresTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SignatureFailures failures = new SignatureFailures(3, meters, Clock.systemUTC());

    @Test
    void every_failure_is_counted_and_only_the_newest_are_kept_newest_first() {
        for (int i = 1; i <= 5; i++) {
            failures.record("203.0.113." + i, "reason " + i);
        }

        assertThat(meters.counter("gateway.signature.failures").count()).isEqualTo(5);
        assertThat(failures.newestFirst()).extracting(SignatureFailures.SignatureFailure::clientAddress)
                .containsExactly("203.0.113.5", "203.0.113.4", "203.0.113.3");
    }

    @Test
    void a_long_reason_is_cut_so_a_flood_cannot_grow_memory_through_it() {
        failures.record("203.0.113.9", "x".repeat(10_000));

        assertThat(failures.newestFirst().get(0).reason()).hasSize(SignatureFailures.MAX_REASON_LENGTH);
    }
}
