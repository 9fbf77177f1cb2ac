package com.acme.payment.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            assertConsoleDeepLinksLoadThePage(app);
            app.runBrowserScript("e2e/payment-flow.e2e.mjs", Map.of("E2E_SCREENSHOT_DIR",
                    Path.of("target", "e2e-screenshots").toAbsolutePath().toString()), Duration.ofMinutes(5));
        }
    }

    /** A reload on any console URL gets the page, without signing in; the console's API still needs it. */
    private static void assertConsoleDeepLinksLoadThePage(PackagedApp app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[] {"/admin", "/admin/payments", "/admin/payments/pay_x?status=failed"}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("<div id=\"root\">");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self' https://js.stripe.com;"));
        }
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/admin/payments"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }
}
