package com.acme.payment.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open server-sent event stream, as the status and the console streams keep them: it ends after
 * {@link #LIFETIME} (the browser reconnects), and is forgotten once, when it completes, fails or a write finds the
 * client gone.
 */
abstract class EventStream {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    final SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream() {
        emitter.onCompletion(this::close);
        emitter.onError(failure -> close());
        emitter.onTimeout(emitter::complete);
    }

    /**
     * What a stream's response carries: never stored, and not buffered by nginx. Its buffer is small: an event is
     * a few hundred bytes, flushed at once, and the server keeps the buffer for as long as the stream is open.
     */
    static void prepare(HttpServletResponse response) {
        response.setBufferSize(1024);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader("X-Accel-Buffering", "no");
    }

    /**
     * A write that finds the client gone ends the request too: Jetty does not report that failure to the async
     * listeners, so the request would otherwise stay open until its lifetime ends, and hold up a graceful shutdown.
     */
    void write(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            close();
            emitter.complete();
        }
    }

    void heartbeat() {
        write(SseEmitter.event().comment(""));
    }

    final void close() {
        if (closed.compareAndSet(false, true)) {
            forget();
        }
    }

    /** Removes the stream from its owner's bookkeeping; runs once. */
    abstract void forget();
}
