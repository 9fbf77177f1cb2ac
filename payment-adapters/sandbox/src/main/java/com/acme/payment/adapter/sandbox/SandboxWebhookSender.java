package com.acme.payment.adapter.sandbox;

import com.acme.payment.domain.model.EventOutcome;
import com.acme.payment.domain.port.in.ReceiveGatewayEventUseCase;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Stripe events the way Stripe does: signed with the webhook secret ({@code Stripe-Signature} format, a fresh
 * timestamp on every attempt), later rather than at once, and again with growing pauses when delivery fails.
 */
final class SandboxWebhookSender {

    private static final Logger LOG = System.getLogger(SandboxWebhookSender.class.getName());

    private final byte[] webhookSecret;
    private final Supplier<ReceiveGatewayEventUseCase> receiver;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final int attempts;
    private final Duration firstRetryDelay;
    private final SandboxEventHistory history;

    SandboxWebhookSender(String webhookSecret, Supplier<ReceiveGatewayEventUseCase> receiver,
                         ScheduledExecutorService scheduler, Clock clock, int attempts, Duration firstRetryDelay,
                         SandboxEventHistory history) {
        this.webhookSecret = webhookSecret.getBytes(StandardCharsets.UTF_8);
        this.receiver = receiver;
        this.scheduler = scheduler;
        this.clock = clock;
        this.attempts = attempts;
        this.firstRetryDelay = firstRetryDelay;
        this.history = history;
    }

    /** A Stripe event about {@code object}, written now (with the object as it is now) and sent after {@code delay}. */
    void publish(String type, Map<String, Object> object, Duration delay) {
        String eventId = SandboxIds.next("evt_sandbox_");
        Instant created = clock.instant();
        String payload = SandboxJson.write(StripeObjects.event(eventId, type, object, created));
        history.add(created, payload);
        schedule(() -> deliver(eventId, payload, 1), delay);
    }

    /** Runs work on the sandbox's scheduler, as the gateway's own background processing. */
    void schedule(Runnable work, Duration delay) {
        scheduler.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stripe's {@code Stripe-Signature}: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}. */
    private String signatureHeader(String payload, long timestamp) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(webhookSecret, "HmacSHA256"));
            byte[] signature = hmac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has HmacSHA256", impossible);
        }
    }

    private void deliver(String eventId, String payload, int attempt) {
        try {
            EventOutcome outcome = receiver.get().receive(payload, signatureHeader(payload, clock.instant().getEpochSecond()));
            LOG.log(Level.DEBUG, "sandbox event {0} delivered: {1}", eventId, outcome);
        } catch (RuntimeException e) {
            if (attempt >= attempts) {
                LOG.log(Level.ERROR, "sandbox event " + eventId + " not delivered after " + attempt + " attempts", e);
                return;
            }
            Duration pause = firstRetryDelay.multipliedBy(1L << (attempt - 1));
            LOG.log(Level.WARNING, "sandbox event {0} not delivered (attempt {1}): {2}; retrying in {3}",
                    eventId, attempt, e.toString(), pause);
            try {
                schedule(() -> deliver(eventId, payload, attempt + 1), pause);
            } catch (RejectedExecutionException shuttingDown) {
                LOG.log(Level.WARNING, "sandbox event {0} dropped: the scheduler is shutting down", eventId);
            }
        }
    }
}
