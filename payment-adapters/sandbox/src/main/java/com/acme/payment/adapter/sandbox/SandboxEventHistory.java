package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.port.out.GatewayEventSource;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox's own Events API: every event it wrote, delivered or not, in memory (like its intents) and only
 * the newest {@link #CAPACITY}.
 */
final class SandboxEventHistory implements GatewayEventSource {

    static final int CAPACITY = 10_000;

    private final Deque<Written> events = new ArrayDeque<>();

    synchronized void add(Instant created, String payload) {
        events.addLast(new Written(created, payload));
        if (events.size() > CAPACITY) {
            events.removeFirst();
        }
    }

    @Override
    public synchronized List<String> eventsSince(Instant since) {
        return events.stream().filter(event -> !event.created().isBefore(since)).map(Written::payload).toList();
    }

    private record Written(Instant created, String payload) {
    }
}
