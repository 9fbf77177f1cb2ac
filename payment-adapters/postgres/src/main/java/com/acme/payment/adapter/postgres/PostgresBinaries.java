package com.acme.payment.adapter.postgres;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The library's bundled PostgreSQL binaries, extracted into and run from a folder only this user can write,
 * never the shared temporary folder the library uses by default (another user could plant a {@code bin/postgres}
 * there). They land in a folder named after the archive's MD5, as the library does; the digest is taken while the
 * library reads the archive. Equal only to itself: the library caches extractions per resolver, and each start
 * must read the archive to know the folder.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private static final String LIBRARY_WORKING_DIRECTORY = "embedded-pg";
    /** Where the library's builder makes and cleans its working folder; a shared temporary folder by default. */
    private static final String LIBRARY_WORKING_DIRECTORY_PROPERTY = "ot.epg.working-dir";
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final MessageDigest md5;
    private Path installation;

    private PostgresBinaries(Path directory) {
        this.directory = directory;
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The library makes its working folder writable by everyone: it goes inside one only we can enter. */
    static PostgresBinaries under(Path folder) throws IOException {
        Files.createDirectories(folder.toAbsolutePath().getParent());
        return new PostgresBinaries(ownerOnlyFolder(folder).resolve(LIBRARY_WORKING_DIRECTORY));
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
     * A builder that extracts and runs these binaries. The library's builder makes and scans a working folder,
     * {@code <java.io.tmpdir>/embedded-pg} unless its system property names another, when it is created; it is
     * pointed at the app's own folder instead.
     */
    EmbeddedPostgres.Builder builder() {
        synchronized (PostgresBinaries.class) {
            String previous = System.getProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY);
            System.setProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY, directory.toString());
            try {
                return EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(directory.toFile())
                        .setPgBinaryResolver(this);
            } finally {
                if (previous == null) {
                    System.clearProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY);
                } else {
                    System.setProperty(LIBRARY_WORKING_DIRECTORY_PROPERTY, previous);
                }
            }
        }
    }

    /** The library opens its working folder to everyone when it extracts; closed again once the server runs. */
    void closeWorkingFolder() throws IOException {
        Files.setPosixFilePermissions(directory, OWNER_ONLY_FOLDER);
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        return archive == null ? null : new DigestInputStream(archive, md5);
    }

    /** The {@code postgres} executable; valid once the library has read the archive. */
    synchronized Path postgres() {
        if (installation == null) {
            installation = directory.resolve("PG-" + HexFormat.of().formatHex(md5.digest()));
        }
        return installation.resolve("bin/postgres");
    }
}
