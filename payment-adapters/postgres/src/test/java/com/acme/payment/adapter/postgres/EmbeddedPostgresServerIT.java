package com.acme.payment.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.testing.PaymentFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedPostgresServerIT {

    /** Where the app extracts the binaries by default ($PAYMENT_POSTGRES_BINARIES_DIR): extracted once for all. */
    static final Path BINARIES = Path.of(System.getProperty("user.home"), ".cache", "payment-service", "postgres");

    /** The app's data directory ($PAYMENT_DATA_DIR). */
    @TempDir
    Path dataDirectory;

    @Test
    void keepsPaymentsAcrossARestartOnTheSameDataDirectory() {
        Payment payment = PaymentFixtures.succeededPayment();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            LiquibaseMigrator.migrate(server.dataSource());
            new JdbcPaymentRepository(JdbcClient.create(server.dataSource())).insert(payment);
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            LiquibaseMigrator.migrate(restarted.dataSource());
            JdbcPaymentRepository repository = new JdbcPaymentRepository(JdbcClient.create(restarted.dataSource()));

            assertThat(repository.findById(payment.id())).get().extracting(Payment::snapshot)
                    .isEqualTo(payment.snapshot());
            assertThat(new JdbcPaymentQueries(JdbcClient.create(restarted.dataSource())).findDetails(payment.id())
                    .orElseThrow().history()).hasSize(2);
        }
    }

    @Test
    void runsWithDurableCommits() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            JdbcClient jdbc = JdbcClient.create(server.dataSource());

            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void servesItsJdbcUrlOnLoopbackOnlyToTheAppRoleWithThePasswordInItsFile() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            JdbcClient overUrl = JdbcClient.create(new DriverManagerDataSource(
                    server.jdbcUrl(), server.username(), Files.readString(server.passwordFile()).strip()));

            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres");
            assertThat(server.passwordFile()).isEqualTo(dataDirectory.resolve("postgres/app.password"));
            assertThat(overUrl.sql("SELECT current_user").query(String.class).single()).isEqualTo("payment_app");
            assertThat(overUrl.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void refusesToStartASecondServerOnADataDirectoryInUse() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory, BINARIES).close())
                    .isInstanceOf(IllegalStateException.class);
            assertThat(JdbcClient.create(server.dataSource()).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void startsAfterTheAppThatRanItWasKilled() throws Exception {
        Process killedApp = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AppThatGetsKilled.class.getName(),
                dataDirectory.toString()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(killedApp.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals(AppThatGetsKilled.READY));
            assertThat(line).as("the child app's output ended before it was ready").isNotNull();
        }
        killedApp.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long orphanPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).get(0)
                .strip());
        assertThat(ProcessHandle.of(orphanPid)).as("PostgreSQL outlives kill -9 of its app").isPresent();

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            assertThat(JdbcClient.create(restarted.dataSource()).sql("SELECT note FROM before_the_kill")
                    .query(String.class).single()).isEqualTo("committed");
            assertThat(ProcessHandle.of(orphanPid)).isEmpty();
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy); // when the start failed
        }
    }

    /** Starts the server in a process of its own, commits a row, says so, and waits to be killed. */
    static final class AppThatGetsKilled {
        static final String READY = "ready";

        public static void main(String[] args) throws InterruptedException {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), BINARIES);
            JdbcClient jdbc = JdbcClient.create(server.dataSource());
            jdbc.sql("CREATE TABLE before_the_kill (note text)").update();
            jdbc.sql("INSERT INTO before_the_kill VALUES ('committed')").update();
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
