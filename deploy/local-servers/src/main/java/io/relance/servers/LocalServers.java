package io.relance.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.relance.contracts.Topics;

/**
 * The Kafka broker and the PostgreSQL server that all tests of a JVM share: started on first use, in a
 * {@code relance-test-*} folder under {@code java.io.tmpdir}, on free ports, with every topic of
 * {@link Topics#ALL}; stopped and deleted when the JVM exits.
 */
public final class LocalServers {

    static final String DIR_PREFIX = "relance-test-";
    static final int PARTITIONS = 3;
    private static final Logger LOG = Logger.getLogger(LocalServers.class);
    private static final Duration STALE_AFTER = Duration.ofDays(1);
    private static final String PIDS_FILE = "pids";
    // System properties carry the servers to copies of this class in other class loaders (Quarkus tests have some).
    private static final String PROPERTY = "relance.local-servers.";
    // A string literal is interned JVM-wide: one lock for every class loader's copy of this class.
    private static final String JVM_LOCK = "io.relance.servers.LocalServers.shared";

    private static LocalServers shared;

    private final Path root;
    private final KafkaServer kafka;
    private final PostgresServer postgres;

    private LocalServers(Path root, KafkaServer kafka, PostgresServer postgres) {
        this.root = root;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** The servers of this JVM, started by the first call; later calls, from any class loader, get the same. */
    public static LocalServers shared() {
        synchronized (JVM_LOCK) {
            if (shared == null) {
                String failure = System.getProperty(PROPERTY + "failure");
                if (failure != null) {
                    throw new IllegalStateException("The local test servers failed to start earlier in this JVM: "
                            + failure);
                }
                shared = System.getProperty(PROPERTY + "root") == null ? startShared() : attachShared();
            }
            return shared;
        }
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    private static LocalServers startShared() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        deleteStale(tmp);
        long started = System.nanoTime();
        try {
            Path root = Files.createTempDirectory(tmp, DIR_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            recordPid(root, ProcessHandle.current().pid());
            LocalServers servers = start(root);
            System.setProperty(PROPERTY + "kafka.port", Integer.toString(servers.kafka.port()));
            System.setProperty(PROPERTY + "kafka.pid", Long.toString(servers.kafka.pid()));
            System.setProperty(PROPERTY + "postgres.port", Integer.toString(servers.postgres.port()));
            System.setProperty(PROPERTY + "postgres.pid", Long.toString(servers.postgres.pid()));
            System.setProperty(PROPERTY + "root", root.toString());
            LOG.infof("Local test servers ready in %d ms: Kafka at %s, PostgreSQL on port %d, data in %s",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), servers.kafka.bootstrapServers(),
                    servers.postgres.port(), root);
            return servers;
        } catch (IOException e) {
            System.setProperty(PROPERTY + "failure", e.toString());
            throw new UncheckedIOException("Could not create the local test servers' folder in " + tmp, e);
        } catch (RuntimeException e) {
            System.setProperty(PROPERTY + "failure", e.toString());
            throw e;
        }
    }

    private static LocalServers start(Path root) {
        // Both in parallel: the broker's JVM boots while PostgreSQL initialises its cluster.
        CompletableFuture<KafkaServer> kafkaStart = CompletableFuture.supplyAsync(
                () -> KafkaServer.start(root.resolve("kafka"), 0),
                task -> new Thread(task, "relance-kafka-start").start());
        PostgresServer postgres;
        try {
            postgres = PostgresServer.start(root.resolve("postgres"), 0, true);
        } catch (Throwable e) {
            kafkaStart.handle((kafka, kafkaFailure) -> kafka).thenAccept(kafka -> {
                if (kafka != null) {
                    kafka.stop();
                }
            }).join();
            Directories.deleteQuietly(root);
            throw e;
        }
        KafkaServer kafka;
        try {
            kafka = kafkaStart.join();
        } catch (CompletionException e) {
            postgres.stop();
            Directories.deleteQuietly(root);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LocalServers servers = new LocalServers(root, kafka, postgres);
        Runtime.getRuntime().addShutdownHook(new Thread(servers::shutdown, "relance-local-servers-stop"));
        try {
            recordPid(root, kafka.pid());
            recordPid(root, postgres.pid());
            kafka.createTopics(Topics.ALL, PARTITIONS);
            return servers;
        } catch (IOException e) {
            servers.shutdown();
            throw new UncheckedIOException("Could not write " + root.resolve(PIDS_FILE), e);
        } catch (Throwable e) {
            servers.shutdown();
            throw e;
        }
    }

    private static LocalServers attachShared() {
        Path root = Path.of(System.getProperty(PROPERTY + "root"));
        return new LocalServers(root,
                KafkaServer.attach(root.resolve("kafka"), Integer.getInteger(PROPERTY + "kafka.port"),
                        Long.getLong(PROPERTY + "kafka.pid")),
                PostgresServer.attach(root.resolve("postgres"), Integer.getInteger(PROPERTY + "postgres.port"),
                        Long.getLong(PROPERTY + "postgres.pid")));
    }

    private void shutdown() {
        try {
            postgres.stop();
            kafka.stop();
        } finally {
            Directories.deleteQuietly(root);
        }
    }

    private static void recordPid(Path root, long pid) throws IOException {
        Files.writeString(root.resolve(PIDS_FILE), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Deletes {@code relance-test-*} folders older than a day whose JVM and servers are all gone. */
    static void deleteStale(Path tmp) {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(dir -> dir.getFileName().toString().startsWith(DIR_PREFIX)).toList()) {
                if (Files.isDirectory(dir) && Files.getLastModifiedTime(dir).compareTo(cutoff) < 0
                        && recordedPids(dir).stream().noneMatch(pid -> ProcessHandle.of(pid).isPresent())) {
                    LOG.infof("Deleting %s, left behind by a test JVM that is gone", dir);
                    Directories.deleteQuietly(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not look for stale test servers' folders in %s: %s", tmp, e);
        }
    }

    private static List<Long> recordedPids(Path dir) throws IOException {
        Path pids = dir.resolve(PIDS_FILE);
        if (!Files.isReadable(pids)) {
            return List.of();
        }
        return Files.readAllLines(pids).stream().filter(line -> line.matches("\\d+")).map(Long::valueOf).toList();
    }
}
