package com.acme.payment.app.config;

import com.acme.payment.adapter.stripe.StripeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe keys. None set: the offline sandbox. All three set: Stripe. Anything in between stops start-up.
 *
 * @param maxNetworkRetries stripe-java's own retries of a failed connection, with the same Idempotency-Key
 */
@ConfigurationProperties("stripe")
public record StripeProperties(String secretKey, String publishableKey, String webhookSecret, String apiBase,
                               Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {

    public boolean configured() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return true;
        }
        if (missing.size() == 3) {
            return false;
        }
        throw new IllegalStateException("Stripe is only partly configured: set " + String.join(", ", missing)
                + " as well, or none of the Stripe keys to use the offline sandbox");
    }

    public StripeSettings settings() {
        return new StripeSettings(secretKey, isBlank(apiBase) ? null : apiBase, connectTimeout, readTimeout,
                maxNetworkRetries);
    }

    private List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (isBlank(secretKey)) {
            missing.add("STRIPE_SECRET_KEY");
        }
        if (isBlank(publishableKey)) {
            missing.add("STRIPE_PUBLISHABLE_KEY");
        }
        if (isBlank(webhookSecret)) {
            missing.add("STRIPE_WEBHOOK_SECRET");
        }
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
