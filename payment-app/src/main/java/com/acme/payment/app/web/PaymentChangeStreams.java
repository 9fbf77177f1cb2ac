package com.acme.payment.app.web;

import static com.acme.payment.app.web.EventStream.HEARTBEAT;
import static com.acme.payment.app.web.EventStream.LIFETIME;

import com.acme.payment.app.web.dto.AdminPaymentChange;
import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.out.PaymentWatches;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's streams of payment changes on this instance: a {@code changed} event for every audited change of
 * any payment, stored by any instance, so that a list can re-read itself. While such a stream is open somewhere the
 * database announces every payment's changes ({@link PaymentWatches#watchAll}), and only then. One thread of its
 * own writes the events, never the change feed's: changes that come while it writes are sent together, the latest
 * version of each payment once.
 */
public class PaymentChangeStreams implements SmartLifecycle {

    /** Per user and instance: a browser on HTTP/1.1 (six connections per host) keeps one for the API. */
    public static final int PER_USER = 5;

    private final PaymentWatches watches;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Map<PaymentId, Long> unsent = new ConcurrentHashMap<>();
    private final AtomicBoolean sendQueued = new AtomicBoolean();
    /** Made on start, ended on stop: a stopped context may be started again (the test context cache does). */
    private volatile ScheduledExecutorService writer;
    private volatile boolean running;

    public PaymentChangeStreams(PaymentWatches watches) {
        this.watches = watches;
    }

    /** @throws TooManyStreamsException when the user already holds {@link #PER_USER} streams here */
    SseEmitter open(String user) {
        if (perUser.merge(user, 1, Integer::sum) > PER_USER) {
            release(user);
            throw new TooManyStreamsException("Too many open payment change streams for this user.");
        }
        try {
            watches.watchAll(LIFETIME.plus(HEARTBEAT));
        } catch (RuntimeException failure) {
            release(user);
            throw failure;
        }
        Stream stream = new Stream(user);
        streams.add(stream);
        // Sends the headers now, not with the first change: EventSource reports the stream open on them.
        stream.heartbeat();
        return stream.emitter;
    }

    /** A payment changed, on any instance: every stream is told soon. Quick: called on the change feed's thread. */
    public void changed(PaymentId id, long version) {
        if (running && !streams.isEmpty()) {
            unsent.merge(id, version, Math::max);
            if (sendQueued.compareAndSet(false, true)) {
                try {
                    writer.execute(this::sendUnsent);
                } catch (RejectedExecutionException stopping) {
                    sendQueued.set(false);
                }
            }
        }
    }

    /**
     * Changes may have been missed (the notifications were lost): the streams end, and the browsers reconnect and
     * read their lists again.
     */
    public void refreshAll() {
        streams.forEach(stream -> stream.emitter.complete());
    }

    public int size() {
        return streams.size();
    }

    private void sendUnsent() {
        sendQueued.set(false);
        for (PaymentId id : unsent.keySet()) {
            Long version = unsent.remove(id);
            if (version != null) {
                AdminPaymentChange change = new AdminPaymentChange(id.value(), version);
                streams.forEach(stream -> stream.write(SseEmitter.event().name("changed")
                        .data(change, MediaType.APPLICATION_JSON)));
            }
        }
    }

    private void release(String user) {
        perUser.computeIfPresent(user, (u, held) -> held == 1 ? null : held - 1);
    }

    @Override
    public void start() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("payment-change-stream-");
        threads.setDaemon(true);
        writer = Executors.newSingleThreadScheduledExecutor(threads);
        writer.scheduleAtFixedRate(() -> streams.forEach(Stream::heartbeat),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        writer.shutdownNow();
        streams.forEach(stream -> stream.emitter.complete());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Stream extends EventStream {

        private final String user;

        Stream(String user) {
            this.user = user;
        }

        @Override
        void forget() {
            streams.remove(this);
            release(user);
        }
    }
}
