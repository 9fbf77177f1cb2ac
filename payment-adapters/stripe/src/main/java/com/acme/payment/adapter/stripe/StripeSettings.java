package com.acme.payment.adapter.stripe;

import com.stripe.StripeClient;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Stripe.
 *
 * @param apiBase null for Stripe's own API; another base URL (a local stub, a proxy) otherwise
 * @param maxNetworkRetries retries of failed connections and 409/5xx answers; stripe-java resends the same
 *                          Idempotency-Key, so a retry never charges or refunds twice
 */
public record StripeSettings(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout,
                             int maxNetworkRetries) {

    public StripeSettings {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Stripe secret key is missing");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxNetworkRetries < 0) {
            throw new IllegalArgumentException("maxNetworkRetries must not be negative");
        }
    }

    /** A client of its own (never the global {@code Stripe.apiKey}), so that settings and keys stay per instance. */
    StripeClient newClient() {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setMaxNetworkRetries(maxNetworkRetries);
        if (apiBase != null && !apiBase.isBlank()) {
            // stripe-java appends "/v1/…" to the base
            builder.setApiBase(apiBase.strip().replaceAll("/+$", ""));
        }
        return builder.build();
    }

    /** Stripe's secret and restricted keys say their mode: {@code sk_live_…}, {@code rk_live_…} are live. */
    public static boolean isLiveKey(String secretKey) {
        return secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_");
    }

    /** Never prints the secret key (records print every field by default). */
    @Override
    public String toString() {
        return "StripeSettings[secretKey=" + masked(secretKey) + ", apiBase=" + apiBase + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxNetworkRetries=" + maxNetworkRetries + "]";
    }

    private static String masked(String key) {
        int prefixEnd = key.indexOf('_', key.indexOf('_') + 1);
        return (prefixEnd > 0 ? key.substring(0, prefixEnd + 1) : "") + "****";
    }
}
