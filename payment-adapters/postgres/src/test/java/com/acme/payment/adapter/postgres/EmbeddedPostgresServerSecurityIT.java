package com.acme.payment.adapter.postgres;

import static com.acme.payment.adapter.postgres.EmbeddedPostgresServerIT.BINARIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.payment.domain.model.Payment;
import com.acme.payment.domain.testing.PaymentFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What other users of the machine can do to the embedded PostgreSQL: nothing without its passwords. */
class EmbeddedPostgresServerSecurityIT {

    private static final Path PSQL = Path.of("/usr/bin/psql");

    /** The app's data directory ($PAYMENT_DATA_DIR). */
    @TempDir
    Path dataDirectory;

    @Test
    void refusesTheSuperuserAndTheAppRoleWithoutTheirPasswords() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            assertThatThrownBy(() -> connect(server, "postgres", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> connect(server, "payment_app", null)).isInstanceOf(SQLException.class);
            if (Files.isExecutable(PSQL)) {
                assertThat(psqlAsSuperuserWithoutPassword(server.port())).contains("password");
            }

            String superuserPassword = Files.readString(dataDirectory.resolve("postgres/superuser.password")).strip();
            try (var connection = connect(server, "postgres", superuserPassword)) {
                assertThat(connection.isValid(1)).as("the operator's way in, for psql and the bench scripts").isTrue();
            }
        }
    }

    @Test
    void connectsTheAppAsARoleThatIsNoSuperuserAndCannotRunPrograms() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            JdbcClient app = JdbcClient.create(server.dataSource());

            assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("payment_app");
            assertThat(app.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                    .single()).isFalse();
            assertThatThrownBy(() -> app.sql("COPY (SELECT 1) TO PROGRAM 'true'").update())
                    .hasStackTraceContaining("permission denied to COPY to or from an external program");
        }
    }

    @Test
    void keepsPasswordsAndBinariesWhereOnlyItsUserCanReachThemAndRunsPostgres17Point8OrLater(
            @TempDir Path cache) throws Exception {
        Path binaries = cache.resolve("payment-service/postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, binaries)) {
            assertThat(permissions(dataDirectory.resolve("postgres/superuser.password"))).isEqualTo("rw-------");
            assertThat(permissions(dataDirectory.resolve("postgres/app.password"))).isEqualTo("rw-------");
            assertThat(permissions(binaries)).isEqualTo("rwx------");
            assertThat(worldWritable(binaries)).isEmpty();
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"))
                    .get(0).strip());
            assertThat(ProcessHandle.of(postmaster).orElseThrow().info().command().orElseThrow())
                    .startsWith(binaries.toString());
            assertThat(JdbcClient.create(server.dataSource()).sql("SHOW server_version_num").query(Integer.class)
                    .single()).isBetween(170008, 179999);
        }
    }

    @Test
    void refusesToRunBinariesFromAFolderOtherUsersCanWrite(@TempDir Path cache) throws Exception {
        Path binaries = Files.createDirectory(cache.resolve("postgres"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory, binaries).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(binaries.toString()).hasMessageContaining("writable by no one else");
        assertThat(dataDirectory.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void upgradesAClusterThatTrustedEveryLocalConnectionAndKeepsItsPayments() {
        Payment payment = PaymentFixtures.succeededPayment();
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            LiquibaseMigrator.migrate(older.getPostgresDatabase());
            new JdbcPaymentRepository(JdbcClient.create(older.getPostgresDatabase())).insert(payment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, BINARIES)) {
            assertThatThrownBy(() -> connect(server, "postgres", null)).isInstanceOf(SQLException.class);
            LiquibaseMigrator.migrate(server.dataSource());
            JdbcPaymentRepository repository = new JdbcPaymentRepository(JdbcClient.create(server.dataSource()));

            assertThat(repository.findById(payment.id())).get().extracting(Payment::snapshot)
                    .isEqualTo(payment.snapshot());
            Payment another = PaymentFixtures.succeededPayment();
            repository.insert(another);
            assertThat(repository.findById(another.id())).isPresent();
        }
    }

    @Test
    void createsNothingWorldWritableInTheTemporaryFolder(@TempDir Path temporaryFolder) throws Exception {
        Process app = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Djava.io.tmpdir=" + temporaryFolder, "-cp", System.getProperty("java.class.path"),
                StartsAndStops.class.getName(), dataDirectory.toString()).redirectErrorStream(true).start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as(output).isZero();

        assertThat(worldWritable(temporaryFolder)).isEmpty();
        assertThat(temporaryFolder.resolve("embedded-pg")).doesNotExist();
    }

    /** Starts the server in a process of its own (where java.io.tmpdir can be set) and stops it. */
    static final class StartsAndStops {
        public static void main(String[] args) {
            EmbeddedPostgresServer.start(Path.of(args[0]), BINARIES).close();
        }
    }

    private static Connection connect(EmbeddedPostgresServer server, String user, String password)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    private static String psqlAsSuperuserWithoutPassword(int port) throws Exception {
        ProcessBuilder psql = new ProcessBuilder(PSQL.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-w", "-d", "postgres", "-c", "SELECT 1").redirectErrorStream(true);
        psql.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isNotZero();
        return output;
    }

    private static List<Path> worldWritable(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> !Files.isSymbolicLink(path))
                    .filter(path -> permissionSet(path).contains(PosixFilePermission.OTHERS_WRITE)).toList();
        }
    }

    private static String permissions(Path path) {
        return PosixFilePermissions.toString(permissionSet(path));
    }

    private static Set<PosixFilePermission> permissionSet(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
