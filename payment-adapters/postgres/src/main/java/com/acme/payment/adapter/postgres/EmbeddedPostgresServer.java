package com.acme.payment.adapter.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL run by the app itself when no database is configured. It holds real payments, so unlike the
 * library's test defaults its data stays across restarts, every commit is durable, and nothing is open to other
 * local users: it listens on 127.0.0.1 only, every connection needs a password (SCRAM), the app connects as
 * {@value #APP_ROLE} (not a superuser; it owns the schema), and the binaries are run from a folder only this
 * user can write. In {@code home}: {@code postgres/} (the cluster, with {@value #SUPERUSER_PASSWORD_FILE} and
 * {@value #APP_PASSWORD_FILE}, mode 0600). The binaries are extracted once into a folder of their own (mode 0700;
 * refused when another user could write to it), which any number of clusters share.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String APP_ROLE = "payment_app";
    public static final String DATABASE = "postgres";
    public static final String CLUSTER_DIRECTORY = "postgres";
    public static final String SUPERUSER_PASSWORD_FILE = "superuser.password";
    public static final String APP_PASSWORD_FILE = "app.password";

    private static final Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());
    /** The library's lock on the data directory, held by the process that started the server. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

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
     * made by an older version (no passwords, trusted local connections) up to the same protections. Runs the
     * binaries from {@code binariesFolder}, extracting them there when they are not yet (seconds: a fresh cluster
     * with binaries already there starts much sooner). The caller closes it; nothing else stops it before the JVM
     * exits.
     */
    public static EmbeddedPostgresServer start(Path home, Path binariesFolder) {
        Path cluster = home.resolve(CLUSTER_DIRECTORY);
        try {
            Files.createDirectories(home);
            PostgresBinaries binaries = PostgresBinaries.under(binariesFolder);
            stopOrphanedServer(cluster);
            Path superuserPasswordFile = cluster.resolve(SUPERUSER_PASSWORD_FILE);
            Optional<String> existingPassword = PostgresCredentials.readPassword(superuserPasswordFile);
            String superuserPassword = existingPassword.orElseGet(PostgresCredentials::newPassword);
            EmbeddedPostgres postgres = binaries.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
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
                            PostgresCredentials.setSuperuserPassword(binaries.postgres(), cluster, superuserPassword);
                            PostgresCredentials.writePassword(superuserPasswordFile, superuserPassword);
                        }
                        PostgresCredentials.requirePasswords(cluster);
                    })
                    .setConnectConfig("password", superuserPassword)
                    // The owner closes it: a JVM shutdown hook of the library's own would stop the database while
                    // the app's graceful shutdown still finishes requests.
                    .setRegisterShutdownHook(false)
                    .start();
            try {
                binaries.closeWorkingFolder();
                return new EmbeddedPostgresServer(postgres, cluster,
                        PostgresCredentials.provisionAppRole(postgres, cluster));
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + cluster, e);
        }
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
}
