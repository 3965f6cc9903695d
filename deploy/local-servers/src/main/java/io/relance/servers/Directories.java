package io.relance.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/** Best-effort removal of server folders. */
final class Directories {

    private static final Logger LOG = Logger.getLogger(Directories.class);

    private Directories() {
    }

    /** Deletes {@code root} and everything below it, without following links; leaves what it cannot delete. */
    static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debugf("Could not delete %s: %s", path, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not delete %s: %s", root, e);
        }
    }
}
