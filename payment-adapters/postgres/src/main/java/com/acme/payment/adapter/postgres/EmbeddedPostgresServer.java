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

/**
 * PostgreSQL run by the app itself when no database is configured. It holds real payments, so unlike the
 * library's test defaults its data stays in {@code dataDirectory} across restarts and every commit is durable.
 * It listens on localhost only, on a free port, and trusts local connections as user {@value #USER}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger LOG = System.getLogger(EmbeddedPostgresServer.class.getName());
    /** The library's lock on the data directory, held by the process that started the server. */
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster there on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The library turns these off to make tests fast; a crash would then lose or corrupt payments.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
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
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    /** An unpooled data source; the app puts its own pool in front of {@link #jdbcUrl()}. */
    public DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
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
