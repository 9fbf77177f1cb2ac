package com.acme.payment.app.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Payment page end to end in real Chromium (Debian's, driven by playwright-core) against the packaged
 * jar, started as a user would start it: sandbox gateway, embedded PostgreSQL, .eml mail. Runs in the
 * frontend build (the default); screenshots of each final state land in target/e2e-screenshots.
 */
@EnabledIfSystemProperty(named = "e2e.enabled", matches = "true")
class PaymentPageE2EIT {

    @Test
    void the_payment_page_takes_payments_in_chromium() throws Exception {
        try (PackagedApp app = PackagedApp.start("e2e", Map.of("PAYMENT_ADMIN_PASSWORD", "e2e-admin"))) {
            app.runBrowserScript("e2e/payment-flow.e2e.mjs", Map.of("E2E_SCREENSHOT_DIR",
                    Path.of("target", "e2e-screenshots").toAbsolutePath().toString()), Duration.ofMinutes(5));
        }
    }
}
