package com.acme.payment.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code payment.*} in application.yaml; the README's configuration table lists the variables.
 */
@ConfigurationProperties("payment")
public record PaymentProperties(
        Path dataDir,
        URI publicUrl,
        Map<String, String> serviceTypes,
        List<String> currencies,
        int pollIntervalMs,
        Admin admin,
        List<String> corsOrigins,
        int createIntentPerMinute,
        SignInThrottle signInThrottle,
        List<String> trustedProxies,
        long maxBodyBytes,
        Duration bodyReadTimeout,
        Reconciler reconciler,
        Outbox outbox,
        Mail mail,
        Sandbox sandbox,
        Disputes disputes,
        CheckoutFlow checkout,
        int maxStatusStreams) {

    public record Admin(String username, String password) {
    }

    /** Failed sign-ins allowed per client address and per username in each window. */
    public record SignInThrottle(int failures, Duration window) {
    }

    public record Reconciler(Duration interval, Duration staleAfter, Duration abandonAfter, int batchSize) {
    }

    public record Outbox(Duration interval, int batchSize, int maxAttempts, Duration firstBackoff, Duration lease) {
    }

    /**
     * @param remindBefore     how long before a dispute's evidence deadline the merchant is reminded
     * @param reminderInterval how often the reminder job looks
     */
    public record Disputes(Duration remindBefore, Duration reminderInterval) {
    }

    /** @param failureNoticesPerHour at most this many failure notices to one address in an hour */
    public record Mail(String from, String merchant, int failureNoticesPerHour) {
    }

    /** @param webhookSecret optional; tests set it to sign their own events */
    public record Sandbox(Duration processingDelay, Duration settleDelay, int deliveryAttempts,
                          Duration firstRetryDelay, String webhookSecret) {
    }
}
