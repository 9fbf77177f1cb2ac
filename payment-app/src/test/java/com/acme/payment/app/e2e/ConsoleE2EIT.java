package com.acme.payment.app.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The payments console (/admin) end to end in real Chromium against the packaged jar in sandbox mode
 * (frontend/e2e/console.e2e.mjs): sign-in, filters, refund with its actor, CSV export, the list updated live without
 * polling, roles, CSRF, sign-out, and axe-core on every page. Runs in the frontend build; screenshots land in target/e2e-screenshots.
 */
@EnabledIfSystemProperty(named = "e2e.enabled", matches = "true")
class ConsoleE2EIT {

    private static final String ADMIN_PASSWORD = "console-e2e-admin-password";

    @Test
    void an_operator_works_the_console_in_chromium() throws Exception {
        try (PackagedApp app = PackagedApp.start("console-e2e", Map.of("PAYMENT_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            app.runBrowserScript("e2e/console.e2e.mjs", Map.of("E2E_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "E2E_SCREENSHOT_DIR", Path.of("target", "e2e-screenshots").toAbsolutePath().toString()),
                    Duration.ofMinutes(5));
        }
    }
}
