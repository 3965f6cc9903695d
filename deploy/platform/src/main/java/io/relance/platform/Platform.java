package io.relance.platform;

import io.relance.contracts.Topics;
import io.relance.servers.ChildProcess;
import io.relance.servers.KafkaServer;
import io.relance.servers.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a Kafka broker, a PostgreSQL server with one database per service, every
 * topic, and the five packaged services, each waited for until it is ready. {@link #close()} stops it all.
 */
public final class Platform implements AutoCloseable {

    /** JVM options of each service; small heaps keep five services well inside a laptop's memory. */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms16m -Xmx128m -Xss512k -XX:+UseSerialGC "
            + "-XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError";
    private static final int PARTITIONS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(20);

    private final PlatformLayout layout;
    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final List<RunningService> services = new ArrayList<>();

    private Platform(PlatformLayout layout, KafkaServer kafka, PostgresServer postgres) {
        this.layout = layout;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts everything and returns once every service is ready; on failure stops what it started and throws. */
    public static Platform start(PlatformLayout layout, PlatformPorts ports, Consumer<String> progress) {
        return start(layout, ports, progress, ServiceSpec.ALL);
    }

    /**
     * Starts Kafka, PostgreSQL and only {@code only} of the services (every topic and database is created all the
     * same), for a benchmark that measures one service without the others' work on the same cores.
     */
    public static Platform start(PlatformLayout layout, PlatformPorts ports, Consumer<String> progress,
                                 List<ServiceSpec> only) {
        createDirectories(layout);
        for (ServiceSpec spec : only) {
            if (!Files.isRegularFile(spec.runner(layout.projectRoot()))) {
                throw new IllegalStateException(spec.name() + " is not built (" + spec.runner(layout.projectRoot())
                        + " is missing): run ./mvnw -DskipTests install first");
            }
        }
        progress.accept("starting Kafka on 127.0.0.1:" + ports.kafka() + " and PostgreSQL on 127.0.0.1:" + ports.postgres());
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(() -> KafkaServer.start(layout.kafka(), ports.kafka()));
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                () -> PostgresServer.start(layout.postgres(), ports.postgres(), false));
        Platform platform;
        try {
            platform = new Platform(layout, kafka.join(), postgres.join());
        } catch (RuntimeException e) {
            kafka.thenAccept(KafkaServer::stop);
            postgres.thenAccept(PostgresServer::stop);
            throw e;
        }
        try {
            platform.prepare();
            platform.startServices(ports, progress, only);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public List<RunningService> services() {
        return List.copyOf(services);
    }

    /** Signs development bearer tokens the services of this platform accept. */
    public DevTokens tokens() {
        return DevTokens.of(layout.projectRoot());
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    private void prepare() {
        ServiceSpec.ALL.forEach(spec -> spec.database().ifPresent(postgres::createDatabase));
        kafka.createTopics(Topics.ALL, PARTITIONS);
    }

    private void startServices(PlatformPorts ports, Consumer<String> progress, List<ServiceSpec> only) {
        for (ServiceSpec spec : only) {
            int port = ports.of(spec.name());
            progress.accept("starting " + spec.name() + " on " + port);
            services.add(launch(spec, port));
        }
        writeProcesses();
        services.parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
    }

    private RunningService launch(ServiceSpec spec, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("RELANCE_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS);
        command.addAll(Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-jar");
        command.add(spec.runner(layout.projectRoot()).toString());
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("RELANCE_DB_HOST", "127.0.0.1");
        environment.put("RELANCE_DB_PORT", Integer.toString(postgres.port()));
        environment.put("RELANCE_DB_USER", postgres.username());
        environment.put("RELANCE_KPI_STATE_DIR", layout.kpiState().toString());
        environment.put("RELANCE_JWT_PUBLIC_KEY", layout.projectRoot().resolve("deploy/dev-keys/jwt-public.pem").toString());
        spec.database().ifPresent(db -> environment.put("RELANCE_DB_NAME", db));
        ChildProcess process = ChildProcess.start(spec.name(), command, layout.projectRoot(), layout.log(spec.name()),
                "TERM", SERVICE_STOP_TIMEOUT, environment);
        process.watch(process.pid());
        return new RunningService(spec, port, process);
    }

    private void writeProcesses() {
        List<String> lines = new ArrayList<>();
        lines.add("kafka " + kafka.pid() + " " + kafka.port());
        lines.add("postgres " + postgres.pid() + " " + postgres.port());
        services.forEach(s -> lines.add(s.spec().name() + " " + s.pid() + " " + s.port()));
        try {
            Files.write(layout.processes(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the services first (they flush to Kafka and PostgreSQL), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        services.parallelStream().forEach(RunningService::stop);
        kafka.stop();
        postgres.stop();
        try {
            Files.deleteIfExists(layout.processes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(PlatformLayout layout) {
        try {
            Files.createDirectories(layout.logs());
            Files.createDirectories(layout.kpiState());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.home(), e);
        }
    }
}
