package com.acme.payment.app.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The hosted checkout flow end to end in real Chromium against the packaged jar in sandbox mode with
 * PAYMENT_CHECKOUT=hosted: the Payment page, the sandbox's imitation of Stripe's hosted page, and back.
 */
@EnabledIfSystemProperty(named = "e2e.enabled", matches = "true")
class HostedCheckoutE2EIT {

    @Test
    void the_payment_page_pays_on_the_hosted_checkout_page_in_chromium() throws Exception {
        try (PackagedApp app = PackagedApp.start("e2e-hosted", Map.of("PAYMENT_CHECKOUT", "hosted"))) {
            app.runBrowserScript("e2e/hosted-checkout.e2e.mjs", Map.of("E2E_SCREENSHOT_DIR",
                    Path.of("target", "e2e-screenshots").toAbsolutePath().toString()), Duration.ofMinutes(5));
        }
    }
}
