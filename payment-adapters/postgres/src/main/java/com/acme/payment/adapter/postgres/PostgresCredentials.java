package com.acme.payment.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may connect to the embedded PostgreSQL: SCRAM passwords on every {@code pg_hba} line, a superuser password
 * set while the server is stopped, and the app's own role. Passwords are random, kept in owner-only files in the
 * cluster, and never logged.
 */
final class PostgresCredentials {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String PG_HBA = """
            # Written by the payment app at every start: every connection needs a password.
            local   all           all                   scram-sha-256
            host    all           all     127.0.0.1/32  scram-sha-256
            local   replication   all                   scram-sha-256
            host    replication   all     127.0.0.1/32  scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PostgresCredentials() {
    }

    /** Replaces whatever {@code pg_hba.conf} said (an older version trusted every local connection). */
    static void requirePasswords(Path cluster) {
        write(cluster.resolve("pg_hba.conf"), PG_HBA);
    }

    /**
     * Sets the superuser's password with the server stopped (single-user mode, no network), so that a new
     * cluster, or one an older version left trusting every local connection, is never reachable without it.
     */
    static void setSuperuserPassword(Path postgresBinary, Path cluster, String password) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root; the library does the same
        }
        command.addAll(List.of(postgresBinary.toString(), "--single", "-D", cluster.toString(), EmbeddedPostgresServer.DATABASE));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var input = process.getOutputStream()) {
                // The password is base64url: nothing in it needs quoting.
                input.write(("ALTER ROLE " + EmbeddedPostgresServer.SUPERUSER + " PASSWORD '" + password + "'\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || output.contains("ERROR") || output.contains("FATAL")) {
                throw new IllegalStateException("could not set the PostgreSQL superuser's password in " + cluster
                        + ": " + output.lines().filter(line -> line.contains("ERROR") || line.contains("FATAL"))
                        .collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run PostgreSQL in single-user mode on " + cluster, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the PostgreSQL superuser's password", e);
        }
    }

    /**
     * Makes sure the app's own role exists, can log in with the password in its file (made on first use), is no
     * superuser, and owns the schema and every table in it (an older version made them as the superuser).
     */
    static String provisionAppRole(EmbeddedPostgres postgres, Path cluster) throws IOException {
        Path passwordFile = cluster.resolve(EmbeddedPostgresServer.APP_PASSWORD_FILE);
        Optional<String> existing = readPassword(passwordFile);
        String password = existing.orElseGet(PostgresCredentials::newPassword);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                    END $$""".formatted(EmbeddedPostgresServer.APP_ROLE));
            // The password is base64url: nothing in it needs quoting.
            statement.execute("ALTER ROLE " + EmbeddedPostgresServer.APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    + "NOREPLICATION NOBYPASSRLS PASSWORD '" + password + "'");
            statement.execute("ALTER SCHEMA public OWNER TO " + EmbeddedPostgresServer.APP_ROLE);
            statement.execute("""
                    DO $$ DECLARE t record; BEGIN
                        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '%1$s'
                        LOOP EXECUTE format('ALTER TABLE public.%%I OWNER TO %1$s', t.tablename); END LOOP;
                    END $$""".formatted(EmbeddedPostgresServer.APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the role " + EmbeddedPostgresServer.APP_ROLE + " in " + cluster, e);
        }
        if (existing.isEmpty()) {
            writePassword(passwordFile, password);
        }
        return password;
    }

    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<String> readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        return Optional.of(Files.readString(file).strip());
    }

    static void writePassword(Path file, String password) {
        write(file, password + "\n");
    }

    /** Replaces {@code file} at once with an owner-only one, so no reader ever sees it half-written. */
    private static void write(Path file, String content) {
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
            Path next = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp", ownerOnly);
            Files.writeString(next, content);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
