import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the unpacked app once, as the README does, until it is ready, then stops it, so that the JVM writes the
 * classes it loaded into a class data sharing archive next to the jar. Later starts given
 * {@code -XX:SharedArchiveFile} map those classes instead of reading, parsing and verifying them again: ready about
 * 1.8 s sooner here (README, "Performance"). Run by the build (package phase) as a single-file program:
 * {@code java src/build/CdsTrainingRun.java <folder of payment-app.jar> <jvm.options>}.
 *
 * <p>The run uses the defaults only (embedded PostgreSQL in a temporary folder, sandbox gateway, .eml mail): the
 * app's own settings are taken out of its environment, so a build never touches a configured database.
 */
public class CdsTrainingRun {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> APP_SETTINGS = List.of("SPRING_", "SERVER_", "STRIPE_", "PAYMENT_");
    private static final String BINARIES_FOLDER_SETTING = "PAYMENT_POSTGRES_BINARIES_DIR";

    public static void main(String[] args) throws Exception {
        Path appFolder = Path.of(args[0]).toAbsolutePath();
        Path jvmOptions = Path.of(args[1]).toAbsolutePath();
        Path archive = appFolder.resolve("payment-app.jsa");
        Files.deleteIfExists(archive);
        Path work = Files.createTempDirectory("payment-cds-training-");
        Path log = work.resolve("app.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions, "-XX:ArchiveClassesAtExit=" + archive, "-jar",
                appFolder.resolve("payment-app.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> !name.equals(BINARIES_FOLDER_SETTING)
                && APP_SETTINGS.stream().anyMatch(name::startsWith));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("PAYMENT_DATA_DIR", work.resolve("data").toString());
        Process app = builder.start();
        try {
            awaitReady(app, port);
            if (!stop(app)) {
                throw new IllegalStateException("the app did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("the JVM wrote no archive at " + archive);
            }
            System.out.printf("Class data sharing archive written: %s (%d MiB)%n", archive,
                    Files.size(archive) >> 20);
            deleteRecursively(work);
        } catch (Exception failure) {
            stop(app);
            System.err.println("The training run's log (" + log + "), last lines:");
            try (Stream<String> lines = Files.lines(log)) {
                List<String> all = lines.toList();
                all.subList(Math.max(0, all.size() - 40), all.size()).forEach(System.err::println);
            }
            throw failure;
        }
    }

    /**
     * SIGTERM: the graceful shutdown, which also stops the embedded PostgreSQL (killed at once, the app would leave
     * it running); SIGKILL only after {@link #STOP_TIMEOUT}. Whether the app stopped gracefully.
     */
    private static boolean stop(Process app) throws InterruptedException {
        app.destroy();
        if (app.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return true;
        }
        app.destroyForcibly();
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(Process app, int port) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + " before it was ready");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // retried below
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
