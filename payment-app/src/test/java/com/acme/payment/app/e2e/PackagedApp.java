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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.test.util.TestSocketUtils;

/**
 * The app started as the README starts it (unpacked, with jvm.options and the class data sharing archive, which
 * must load), on a random port: sandbox gateway, embedded PostgreSQL in a fresh data folder, .eml mail. Its log goes
 * to target/{name}-app.log; browser scripts from frontend/e2e run against it with their output in
 * target/{name}-browser.log.
 */
final class PackagedApp implements AutoCloseable {

    private static final Path TARGET = Path.of("target");
    /** The unpacked jar and its class data sharing archive, as the build leaves them. */
    private static final Path APP = TARGET.resolve("app");
    private static final Path FRONTEND = Path.of("..", "frontend");

    private final String name;
    private final int port;
    private final Process process;

    private PackagedApp(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar with {@code environment} added to SERVER_PORT and PAYMENT_DATA_DIR, and waits until healthy. */
    static PackagedApp start(String name, Map<String, String> environment) throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        // -Xshare:on: the start fails when the build's archive does not load (the README's command goes on without).
        ProcessBuilder builder = new ProcessBuilder("java", "@jvm.options", "-Xshare:on",
                "-XX:SharedArchiveFile=" + APP.resolve("payment-app.jsa"), "-jar",
                APP.resolve("payment-app.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(TARGET.resolve(name + "-app.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port),
                "PAYMENT_DATA_DIR", Files.createTempDirectory("payment-" + name + "-").toString()));
        PackagedApp app = new PackagedApp(name, port, builder.start());
        try {
            app.waitUntilHealthy();
        } catch (Exception | AssertionError e) {
            app.close();
            throw e;
        }
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Runs {@code node <script>} in frontend/ with E2E_BASE_URL set, and asserts that it passes in time. */
    void runBrowserScript(String script, Map<String, String> environment, Duration timeout) throws Exception {
        Path browserLog = TARGET.resolve(name + "-browser.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("node", script)
                .directory(FRONTEND.toFile())
                .redirectErrorStream(true)
                .redirectOutput(browserLog.toFile());
        Map<String, String> env = new HashMap<>(environment);
        env.put("E2E_BASE_URL", baseUrl());
        builder.environment().putAll(env);
        Process browser = builder.start();
        boolean finished = browser.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        assertThat(finished).as("%s finished within %s", script, timeout).isTrue();
        assertThat(browser.exitValue()).as("%s exit code; its output:%n%s%nand the app's log is in target/%s-app.log",
                script, Files.readString(browserLog), name).isZero();
    }

    private void waitUntilHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the app is running (see target/%s-app.log)", name).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the app did not become healthy within 3 minutes; see target/" + name + "-app.log");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
