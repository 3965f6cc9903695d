package io.relance.servers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import com.sun.security.auth.module.UnixSystem;

/**
 * The account the PostgreSQL binaries run under. PostgreSQL refuses to run as root, so when this JVM is root they
 * run as the {@code postgres} system user through {@code runuser}, in folders that user owns and can reach;
 * otherwise they run directly as the current user.
 */
final class PostgresAccount {

    static final String SYSTEM_USER = "postgres";
    private static final Logger LOG = Logger.getLogger(PostgresAccount.class);

    private final String switchTo;
    private final Set<String> groups;

    PostgresAccount(String switchTo, Set<String> groups) {
        this.switchTo = switchTo;
        this.groups = groups;
    }

    static PostgresAccount current() {
        if (new UnixSystem().getUid() != 0) {
            return new PostgresAccount(null, Set.of());
        }
        String groups;
        try {
            groups = run(List.of("id", "-Gn", SYSTEM_USER));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("This JVM runs as root, PostgreSQL refuses to run as root, and there is "
                    + "no '" + SYSTEM_USER + "' user to run it as: create one (useradd --system " + SYSTEM_USER
                    + ") or run as a normal user. " + e.getMessage(), e);
        }
        return new PostgresAccount(SYSTEM_USER, Set.of(groups.trim().split("\\s+")));
    }

    /** {@code command}, to be run as this account. */
    List<String> command(List<String> command) {
        if (switchTo == null) {
            return command;
        }
        List<String> switched = new ArrayList<>(List.of("runuser", "-u", switchTo, "--"));
        switched.addAll(command);
        return switched;
    }

    /** Makes {@code dir} exist, belong to this account, and be reachable by it from the file system root. */
    void own(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
        if (switchTo == null) {
            return;
        }
        makeReachable(dir);
        run(List.of("chown", "-R", switchTo + ":", dir.toString()));
    }

    /** Adds traverse-only permission (o+x) to every ancestor of {@code path} that this account cannot cross. */
    void makeReachable(Path path) {
        if (switchTo == null) {
            return;
        }
        try {
            for (Path ancestor : untraversableAncestors(path.toRealPath(), switchTo, groups)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(ancestor, permissions);
                LOG.infof("Added o+x (traverse only) to %s so that the %s user can reach %s", ancestor, switchTo,
                        path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + path + " reachable for the " + switchTo + " user", e);
        }
    }

    /** The ancestors of {@code path}, root first, that {@code user} (a member of {@code groups}) cannot traverse. */
    static List<Path> untraversableAncestors(Path path, String user, Set<String> groups) throws IOException {
        List<Path> blocked = new ArrayList<>();
        for (Path ancestor = path.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            PosixFileAttributes attributes = Files.readAttributes(ancestor, PosixFileAttributes.class);
            if (!traversable(attributes.owner().getName(), attributes.group().getName(), attributes.permissions(),
                    user, groups)) {
                blocked.add(0, ancestor);
            }
        }
        return blocked;
    }

    /** POSIX access check for search (x) permission: only the owner class applies to the owner, and so on. */
    static boolean traversable(String owner, String group, Set<PosixFilePermission> permissions, String user,
            Set<String> groups) {
        if (owner.equals(user)) {
            return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
        }
        if (groups.contains(group)) {
            return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code "
                        + process.exitValue() + ": " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
