package com.acme.payment.app;

import com.acme.payment.adapter.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real app on a random port: embedded PostgreSQL (its own data folder), the sandbox gateway with fast
 * delays, .eml mail. ITs extend this, so those without extra properties share one Spring context and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "payment.admin.password=" + AbstractAppIT.ADMIN_PASSWORD,
        "payment.sandbox.webhook-secret=" + AbstractAppIT.WEBHOOK_SECRET,
        "payment.sandbox.processing-delay=PT0.05S",
        "payment.sandbox.settle-delay=PT0.05S",
        "payment.outbox.interval=PT0.2S",
        "payment.create-intent-per-minute=1000",
        "payment.sign-in-throttle.failures=1000",
        // Resolved once, when the properties are bound: each context gets a database of its own.
        "payment.data-dir=${java.io.tmpdir}/payment-it/${random.uuid}"})
public abstract class AbstractAppIT {

    public static final String ADMIN_PASSWORD = "it-admin-password";
    public static final String WEBHOOK_SECRET = "whsec_integration_test_secret";
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    protected HttpResponse<String> adminGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", adminAuthorization()).GET().build());
    }

    protected HttpResponse<String> postJson(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    protected static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another instance of the app on this one's embedded PostgreSQL, started as an operator would start it: with
     * the URL, the app role and its password. {@code name} keeps its data folder apart.
     */
    protected static ConfigurableApplicationContext startInstanceBeside(EmbeddedPostgresServer database, String name,
                                                                        String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--payment.data-dir=" + System.getProperty("java.io.tmpdir") + "/payment-it/" + name));
        Arrays.stream(properties).map(property -> "--" + property).forEach(arguments::add);
        return new SpringApplicationBuilder(PaymentApplication.class).run(arguments.toArray(String[]::new));
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
