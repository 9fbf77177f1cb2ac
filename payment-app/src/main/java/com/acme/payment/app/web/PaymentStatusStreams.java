package com.acme.payment.app.web;

import static com.acme.payment.app.web.EventStream.HEARTBEAT;
import static com.acme.payment.app.web.EventStream.LIFETIME;

import com.acme.payment.domain.model.PaymentId;
import com.acme.payment.domain.port.in.GetPaymentStatusUseCase;
import com.acme.payment.domain.port.out.PaymentWatches;
import com.acme.payment.domain.query.PaymentStatusView;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open status streams of this instance, by payment. Told that a payment changed (by any instance, through
 * the database), it reads the committed status once for all its streams, however many changes came meanwhile,
 * and sends it to each stream that has not seen that version. A stream is an async request: idle, it holds no
 * thread. What is in memory here is per instance: the streams, and the count of streams per client address. The
 * database knows which payments are watched, so that only their changes are announced.
 */
public class PaymentStatusStreams implements SmartLifecycle {

    public static final int PER_ADDRESS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(PaymentStatusStreams.class);

    private final GetPaymentStatusUseCase statuses;
    private final PaymentWebMapper mapper;
    private final PaymentWatches watches;
    private final Map<PaymentId, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    /** Each open stream holds Jetty's request and response, about 16 KiB of heap: the heap bounds how many. */
    private final int maxStreams;
    private final AtomicInteger held = new AtomicInteger();
    /** Payments with a read queued: changes that arrive before it runs are covered by it. */
    private final Set<PaymentId> queued = ConcurrentHashMap.newKeySet();
    /** Made on start, ended on stop: a stopped context may be started again (the test context cache does). */
    private volatile ExecutorService readers;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public PaymentStatusStreams(GetPaymentStatusUseCase statuses, PaymentWebMapper mapper,
                                PaymentWatches watches, int maxStreams) {
        this.statuses = statuses;
        this.mapper = mapper;
        this.watches = watches;
        this.maxStreams = maxStreams;
    }

    /**
     * A stream of the payment's status from after {@code lastEventId} (the version the client last saw; -1 for
     * none): the current status at once unless the client has seen it, then each change.
     *
     * @throws TooManyStreamsException when the address already holds {@link #PER_ADDRESS} streams here
     * @throws StreamsFullException when this instance holds as many streams as it may
     */
    SseEmitter open(String paymentId, long lastEventId, String address) {
        PaymentStatusView current = statuses.getStatus(paymentId);
        if (perAddress.merge(address, 1, Integer::sum) > PER_ADDRESS) {
            release(address);
            throw new TooManyStreamsException("Too many open status streams from this address.");
        }
        if (held.incrementAndGet() > maxStreams) {
            leave(address);
            throw new StreamsFullException();
        }
        try {
            watches.watch(current.id(), LIFETIME.plus(HEARTBEAT));
        } catch (RuntimeException failure) {
            leave(address);
            throw failure;
        }
        Stream stream = new Stream(current.id(), address, lastEventId);
        // Added inside compute: a set emptied by a closing stream leaves the map atomically, never with this one.
        streams.compute(current.id(), (id, watching) -> {
            Set<Stream> joined = watching == null ? ConcurrentHashMap.newKeySet() : watching;
            joined.add(stream);
            return joined;
        });
        stream.send(current);
        // A change stored between the first read and the watch was not announced: read again.
        changed(current.id());
        return stream.emitter;
    }

    /** The payment changed: its streams get the stored status soon. */
    public void changed(PaymentId id) {
        if (running && streams.containsKey(id) && queued.add(id)) {
            try {
                readers.execute(() -> refresh(id));
            } catch (RejectedExecutionException stopping) {
                queued.remove(id);
            }
        }
    }

    /** Changes may have been missed (the notifications were lost): every watched payment is read again. */
    public void refreshAll() {
        streams.keySet().forEach(this::changed);
    }

    private void refresh(PaymentId id) {
        queued.remove(id);
        Set<Stream> watching = streams.get(id);
        if (watching == null) {
            return;
        }
        try {
            PaymentStatusView current = statuses.getStatus(id.value());
            watching.forEach(stream -> stream.send(current));
        } catch (RuntimeException failure) {
            LOG.warn("could not read the status of payment {} for its streams: {}", id, failure.toString());
        }
    }

    public int size() {
        return held.get();
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
    }

    private void leave(String address) {
        held.decrementAndGet();
        release(address);
    }

    private void heartbeat() {
        streams.values().forEach(watching -> watching.forEach(Stream::heartbeat));
    }

    private void forgetExpiredWatches() {
        try {
            watches.forgetExpired();
        } catch (RuntimeException unavailable) {
            LOG.warn("expired payment watches not removed: {}", unavailable.toString());
        }
    }

    @Override
    public void start() {
        readers = Executors.newFixedThreadPool(2, daemon("payment-status-stream"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("payment-status-heartbeat"));
        heartbeats.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        heartbeats.scheduleWithFixedDelay(this::forgetExpiredWatches, LIFETIME.toMillis(), LIFETIME.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        heartbeats.shutdownNow();
        readers.shutdownNow();
        streams.values().forEach(watching -> watching.forEach(stream -> stream.emitter.complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static CustomizableThreadFactory daemon(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }

    private final class Stream extends EventStream {

        private final PaymentId id;
        private final String address;
        private long lastVersion;

        Stream(PaymentId id, String address, long lastVersion) {
            this.id = id;
            this.address = address;
            this.lastVersion = lastVersion;
        }

        /** Versions only rise on a stream: a status read before a newer one was sent is dropped. */
        synchronized void send(PaymentStatusView status) {
            if (status.version() <= lastVersion) {
                return;
            }
            lastVersion = status.version();
            write(SseEmitter.event().name("status").id(Long.toString(status.version()))
                    .data(mapper.toStatusResponse(status), MediaType.APPLICATION_JSON));
        }

        @Override
        synchronized void heartbeat() {
            super.heartbeat();
        }

        @Override
        void forget() {
            streams.computeIfPresent(id, (key, watching) -> {
                watching.remove(this);
                return watching.isEmpty() ? null : watching;
            });
            leave(address);
        }
    }
}
