package com.acme.payment.app.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Swagger UI walked as a QA engineer would, in real Chromium against the packaged jar on a random port:
 * create-intent → confirm (4242) → status until succeeded → Authorize as the admin → reload → refund → stats,
 * each answer's code checked in Swagger UI's response panel (frontend/e2e/swagger-ui.e2e.mjs). Screenshots at
 * 1280 and 360 px land in target/swagger-e2e-screenshots.
 */
@EnabledIfSystemProperty(named = "e2e.enabled", matches = "true")
class SwaggerUiE2EIT {

    private static final String ADMIN_PASSWORD = "swagger-e2e-admin";

    @Test
    void a_qa_engineer_walks_the_sandbox_flow_in_swagger_ui_on_any_port() throws Exception {
        try (PackagedApp app = PackagedApp.start("swagger-e2e", Map.of("PAYMENT_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            app.runBrowserScript("e2e/swagger-ui.e2e.mjs", Map.of("E2E_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "E2E_SCREENSHOT_DIR", Path.of("target", "swagger-e2e-screenshots").toAbsolutePath().toString()),
                    Duration.ofMinutes(2));
        }
    }
}
