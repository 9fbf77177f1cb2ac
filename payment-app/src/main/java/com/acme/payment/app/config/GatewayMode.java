package com.acme.payment.app.config;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Which gateway takes payments, with the webhook secret its events are signed with.
 *
 * @param name "stripe" or "sandbox", as the config endpoint reports it
 * @param livemode whether real money moves: Stripe with a live key; the sandbox never
 */
public record GatewayMode(String name, String webhookSecret, String publishableKey, boolean livemode) {

    static GatewayMode stripe(String webhookSecret, String publishableKey, boolean livemode) {
        return new GatewayMode("stripe", webhookSecret, publishableKey, livemode);
    }

    /** Without a configured secret the sandbox signs with a random one, new at every start. */
    static GatewayMode sandbox(String webhookSecret) {
        String secret = webhookSecret == null || webhookSecret.isBlank() ? randomSecret() : webhookSecret;
        return new GatewayMode("sandbox", secret, null, false);
    }

    /** Never prints the webhook secret (records print every field by default). */
    @Override
    public String toString() {
        return "GatewayMode[" + name + "]";
    }

    public boolean isSandbox() {
        return "sandbox".equals(name);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "whsec_sandbox_" + HexFormat.of().formatHex(bytes);
    }
}
