package com.acme.payment.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.util.TestSocketUtils;

/**
 * The Payment page end to end in real Chromium (Debian's, driven by playwright-core) against the packaged
 * jar, started as a user would start it: sandbox gateway, embedded PostgreSQL, .eml mail. Runs in the
 * frontend build (the default); screenshots of each final state land in target/e2e-screenshots.
 */
@EnabledIfSystemProperty(named = "e2e.enabled", matches = "true")
class PaymentPageE2EIT {

    private static final Path TARGET = Path.of("target");
    private static final Path FRONTEND = Path.of("..", "frontend");

    @Test
    void the_payment_page_takes_payments_in_chromium() throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        Path dataDir = Files.createTempDirectory("payment-e2e-");
        ProcessBuilder appBuilder = new ProcessBuilder("java", "-jar", TARGET.resolve("payment-app.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(TARGET.resolve("e2e-app.log").toFile());
        appBuilder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port),
                "PAYMENT_DATA_DIR", dataDir.toString(), "PAYMENT_ADMIN_PASSWORD", "e2e-admin"));
        Process app = appBuilder.start();
        try {
            waitUntilHealthy(port, app);
            Path browserLog = TARGET.resolve("e2e-browser.log").toAbsolutePath();
            ProcessBuilder browserBuilder = new ProcessBuilder("node", "e2e/payment-flow.e2e.mjs")
                    .directory(FRONTEND.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(browserLog.toFile());
            browserBuilder.environment().putAll(Map.of("E2E_BASE_URL", "http://localhost:" + port,
                    "E2E_SCREENSHOT_DIR", TARGET.resolve("e2e-screenshots").toAbsolutePath().toString()));
            Process browser = browserBuilder.start();
            boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                browser.destroyForcibly();
            }
            assertThat(finished).as("the browser test finished within 5 minutes").isTrue();
            assertThat(browser.exitValue()).as("browser test exit code; its output:%n%s%nand the app's log is in "
                    + "target/e2e-app.log", Files.readString(browserLog)).isZero();
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    private static void waitUntilHealthy(int port, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("the app is running (see target/e2e-app.log)").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the app did not become healthy within 3 minutes; see target/e2e-app.log");
    }
}
