package com.acme.payment.adapter.postgres;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL run by the app itself when no database is configured. It holds real payments, so unlike the
 * library's test defaults its data stays across restarts, every commit is durable, and nothing is open to other
 * local users: it listens on 127.0.0.1 only, every connection needs a password (SCRAM), the app connects as
 * {@value #APP_ROLE} (not a superuser; it owns the schema), and the binaries are run from a folder only this
 * user can write. In {@code home}: {@code postgres/} (the cluster, with {@value #SUPERUSER_PASSWORD_FILE} and
 * {@value #APP_PASSWORD_FILE}, mode 0600) and {@code pg-bin/} (the binaries, mode 0700; refused when
 * another user could write to it).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String APP_ROLE = "payment_app";
    public static final String DATABASE = "postgres";
    public static final String CLUSTER_DIRECTORY = "postgres";
    public static final String BINARIES_DIRECTORY = "pg-bin";
    public static final String SUPERUSER_PASSWORD_FILE = "superuser.password";
    public static final String APP_PASSWORD_FILE = "app.password";

    private static final Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());
    /** The library's lock on the data directory, held by the process that started the server. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final String LIBRARY_WORKING_DIRECTORY = "embedded-pg";
    /** Where the library's builder makes and cleans its working folder; a shared temporary folder by default. */
    private static final String LIBRARY_WORKING_DIRECTORY_PROPERTY = "ot.epg.working-dir";
    private static final Duration ORPHAN_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String PG_HBA = """
            # Written by the payment app at every start: every connection needs a password.
            local   all           all                   scram-sha-256
            host    all           all     127.0.0.1/32  scram-sha-256
            local   replication   all                   scram-sha-256
            host    replication   all     127.0.0.1/32  scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final Path cluster;
    private final String appPassword;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path cluster, String appPassword) {
        this.postgres = postgres;
        this.cluster = cluster;
        this.appPassword = appPassword;
    }

    /**
     * Starts PostgreSQL on {@code home}/postgres, creating the cluster there on first use, and brings a cluster
     * made by an older version (no passwords, trusted local connections) up to the same protections.
     */
    public static EmbeddedPostgresServer start(Path home) {
        Path cluster = home.resolve(CLUSTER_DIRECTORY);
        try {
            Files.createDirectories(home);
            // The library makes its working folder writable by everyone: it goes inside one only we can enter.
            Binaries binaries = new Binaries(ownerOnlyFolder(home.resolve(BINARIES_DIRECTORY))
                    .resolve(LIBRARY_WORKING_DIRECTORY));
            stopOrphanedServer(cluster);
            Path superuserPasswordFile = cluster.resolve(SUPERUSER_PASSWORD_FILE);
            Optional<String> existingPassword = readPassword(superuserPasswordFile);
            String superuserPassword = existingPassword.orElseGet(EmbeddedPostgresServer::newPassword);
            EmbeddedPostgres postgres = builderWorkingIn(binaries.directory)
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.directory.toFile())
                    .setPgBinaryResolver(binaries)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // TCP only: PostgreSQL's default Unix socket sits in /tmp, open to every local user.
                    .setServerConfig("unix_socket_directories", "")
                    // The library turns these off to make tests fast; a crash would then lose or corrupt payments.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Runs after initdb, before the server first listens: never a moment without passwords.
                    .setDataDirectoryCustomizer(directory -> {
                        if (existingPassword.isEmpty()) {
                            setSuperuserPassword(binaries.installation().resolve("bin/postgres"), cluster,
                                    superuserPassword);
                            writePassword(superuserPasswordFile, superuserPassword);
                        }
                        write(cluster.resolve("pg_hba.conf"), PG_HBA);
                    })
                    .setConnectConfig("password", superuserPassword)
                    .start();
            try {
                Files.setPosixFilePermissions(binaries.directory, OWNER_ONLY_FOLDER);
                return new EmbeddedPostgresServer(postgres, cluster, provisionAppRole(postgres, cluster));
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + cluster, e);
        }
    }

    /**
     * The folder the binaries are extracted to and run from: refused when another user could have put a
     * {@code bin/postgres} of their own there.
     */
    private static Path ownerOnlyFolder(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        } catch (FileAlreadyExistsException existing) {
            // checked below like a new one
        }
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        long owner = (Integer) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory() || owner != new UnixSystem().getUid()
                || attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalStateException("refusing to run PostgreSQL from " + folder + ": it must be a folder "
                    + "(not a link) owned by the user running the app and writable by no one else (mode 0700); "
                    + "delete it to have it extracted again");
        }
        return folder;
    }

    /**
     * The library's builder makes and scans a working folder, {@code <java.io.tmpdir>/embedded-pg} unless its
     * system property names another, when it is created; it is pointed at the app's own folder instead.
     */
    private static synchronized EmbeddedPostgres.Builder builderWorkingIn(Path folder) {
        String previous = System.getProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY);
        System.setProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY, folder.toString());
        try {
            return EmbeddedPostgres.builder();
        } finally {
            if (previous == null) {
                System.clearProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY);
            } else {
                System.setProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY, previous);
            }
        }
    }

    /**
     * Sets the superuser's password with the server stopped (single-user mode, no network), so that a new
     * cluster, or one an older version left trusting every local connection, is never reachable without it.
     */
    private static void setSuperuserPassword(Path postgresBinary, Path cluster, String password) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root; the library does the same
        }
        command.addAll(List.of(postgresBinary.toString(), "--single", "-D", cluster.toString(), DATABASE));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var input = process.getOutputStream()) {
                // The password is base64url: nothing in it needs quoting.
                input.write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'\n")
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
    private static String provisionAppRole(EmbeddedPostgres postgres, Path cluster) throws IOException {
        Path passwordFile = cluster.resolve(APP_PASSWORD_FILE);
        Optional<String> existing = readPassword(passwordFile);
        String password = existing.orElseGet(EmbeddedPostgresServer::newPassword);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
                    END $$""".formatted(APP_ROLE));
            // The password is base64url: nothing in it needs quoting.
            statement.execute("ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    + "NOREPLICATION NOBYPASSRLS PASSWORD '" + password + "'");
            statement.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            statement.execute("""
                    DO $$ DECLARE t record; BEGIN
                        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '%1$s'
                        LOOP EXECUTE format('ALTER TABLE public.%%I OWNER TO %1$s', t.tablename); END LOOP;
                    END $$""".formatted(APP_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the role " + APP_ROLE + " in " + cluster, e);
        }
        if (existing.isEmpty()) {
            writePassword(passwordFile, password);
        }
        return password;
    }

    /**
     * A server whose app was killed (kill -9 runs no shutdown hook) keeps running and holds the data directory,
     * so the next start would fail. It is stopped only when no living process holds the library's lock, i.e. the
     * app that started it is gone; its sessions died with that app, so a normal (smart) shutdown ends it at once.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        try (FileChannel lockFile = FileChannel.open(dataDirectory.resolve(LIBRARY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ownerGone = lockFile.tryLock()) {
            if (ownerGone == null) {
                return; // a running app owns it; the library refuses to start a second server
            }
            LOG.log(Level.WARNING, "stopping PostgreSQL (pid {0}) left running on {1} by an app that did not shut "
                    + "down", Long.toString(postmaster.get().pid()), dataDirectory);
            postmaster.get().destroy();
            postmaster.get().onExit().get(ORPHAN_SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (OverlappingFileLockException ownedByThisProcess) {
            // this process runs it; the library refuses to start a second server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.get().pid() + ") left running on "
                    + dataDirectory + " did not stop within " + ORPHAN_SHUTDOWN_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** The postmaster named in {@code postmaster.pid}, if that process is alive and is PostgreSQL. */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                        .orElse(false));
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<String> readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        return Optional.of(Files.readString(file).strip());
    }

    private static void writePassword(Path file, String password) {
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

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The app's own role, which owns the schema; not a superuser. */
    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return appPassword;
    }

    /** Where {@link #password()} is kept, for other instances that share this server. */
    public Path passwordFile() {
        return cluster.resolve(APP_PASSWORD_FILE);
    }

    public int port() {
        return postgres.getPort();
    }

    /** An unpooled data source as the app's role; the app puts its own pool in front of {@link #jdbcUrl()}. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(APP_ROLE);
        dataSource.setPassword(appPassword);
        return dataSource;
    }

    /** Stops PostgreSQL with a checkpoint; the data directory is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }

    /**
     * The library's bundled binaries, extracted under {@code directory} into a folder named after the archive's
     * MD5 (as the library does); the digest is taken while the library reads the archive. Equal only to itself:
     * the library caches extractions per resolver, and each start must read the archive to know the folder.
     */
    private static final class Binaries implements PgBinaryResolver {
        private final Path directory;
        private final MessageDigest md5;
        private Path installation;

        Binaries(Path directory) {
            this.directory = directory;
            try {
                this.md5 = MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
            return archive == null ? null : new DigestInputStream(archive, md5);
        }

        /** Valid once the library has read the archive. */
        synchronized Path installation() {
            if (installation == null) {
                installation = directory.resolve("PG-" + HexFormat.of().formatHex(md5.digest()));
            }
            return installation;
        }
    }
}
