package com.acme.payment.app.eventlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Webhooks rejected before they were trusted: counted ({@code gateway_signature_failures_total}) and the newest
 * kept in memory with time, client address and reason, never the body, which is untrusted and may be anything.
 * Per instance: the counter, summed over instances, is the fleet's view.
 */
public class SignatureFailures {

    /** A reason is a verifier's message; bounded so a flood cannot grow memory through it. */
    static final int MAX_REASON_LENGTH = 300;

    private final Deque<SignatureFailure> newestFirst = new ArrayDeque<>();
    private final int kept;
    private final Counter counter;
    private final Clock clock;

    public SignatureFailures(int kept, MeterRegistry meters, Clock clock) {
        this.kept = kept;
        this.counter = Counter.builder("gateway.signature.failures")
                .description("Webhooks rejected for a bad or missing signature or an unreadable body")
                .register(meters);
        this.clock = clock;
    }

    public void record(String clientAddress, String reason) {
        counter.increment();
        String bounded = reason == null || reason.length() <= MAX_REASON_LENGTH ? reason
                : reason.substring(0, MAX_REASON_LENGTH);
        SignatureFailure failure = new SignatureFailure(clock.instant(), clientAddress, bounded);
        synchronized (newestFirst) {
            newestFirst.addFirst(failure);
            if (newestFirst.size() > kept) {
                newestFirst.removeLast();
            }
        }
    }

    public List<SignatureFailure> newestFirst() {
        synchronized (newestFirst) {
            return List.copyOf(newestFirst);
        }
    }

    public record SignatureFailure(Instant at, String clientAddress, String reason) {
    }
}
