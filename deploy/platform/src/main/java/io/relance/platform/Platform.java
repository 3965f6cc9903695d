package io.relance.platform;

import io.relance.contracts.Topics;
import io.relance.servers.ChildProcess;
import io.relance.servers.KafkaServer;
import io.relance.servers.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a Kafka broker, a PostgreSQL server with one database per service, every
 * topic, and the five packaged services, each waited for until it is ready. {@link #addInstance} starts another
 * instance of a service side by side (same database and consumer groups). {@link #close()} stops it all.
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
    private final Instant replayFrom;
    private final Map<String, String> environment;
    /** Shared by the kpi-service instances of this platform only, so that they can ask each other for their sums. */
    private final String kpiPeerSecret = randomSecret();
    private MailCatcher mail;

    /**
     * What the services are told in replay mode besides the clock: consumers commit their offsets often, so that a
     * replay sees each day absorbed (lag 0) within milliseconds of it. The relay, the sweep and the dispatch need
     * nothing: they act on commit, on each tick and on each request.
     */
    static final Map<String, String> REPLAY_ENVIRONMENT = Map.of(
            "RELANCE_CLOCK_MODE", "replay",
            // the replay's ticks drive the sweep; no sweep of its own may fall between two facts of one morning
            "RELANCE_DUNNING_SWEEP_EVERY", "1h",
            "RELANCE_KAFKA_COMMIT_INTERVAL_MS", "25",
            "RELANCE_KAFKA_POLL_TIMEOUT_MS", "10",
            "RELANCE_KPI_COMMIT_INTERVAL_MS", "25");

    private Platform(PlatformLayout layout, KafkaServer kafka, PostgresServer postgres, Instant replayFrom,
                     Map<String, String> environment) {
        this.layout = layout;
        this.kafka = kafka;
        this.postgres = postgres;
        this.replayFrom = replayFrom;
        this.environment = Map.copyOf(environment);
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
        return start(layout, ports, progress, only, null, Map.of());
    }

    /**
     * Starts the whole platform with {@code environment} added to every service's own, for example
     * {@code RELANCE_TRACING_OTLP_ENDPOINT} to send the services' traces to a collector.
     */
    public static Platform start(PlatformLayout layout, PlatformPorts ports, Consumer<String> progress,
                                 Map<String, String> environment) {
        return start(layout, ports, progress, ServiceSpec.ALL, null, environment);
    }

    /**
     * Starts the whole platform in replay mode: every service reads "now" from the business-clock topic, which
     * holds {@code firstTick} before any service starts; {@link #clock()} moves it on.
     */
    public static Platform startReplay(PlatformLayout layout, PlatformPorts ports, Consumer<String> progress,
                                       Instant firstTick) {
        return start(layout, ports, progress, ServiceSpec.ALL, firstTick, Map.of());
    }

    private static Platform start(PlatformLayout layout, PlatformPorts ports, Consumer<String> progress,
                                  List<ServiceSpec> only, Instant replayFrom, Map<String, String> environment) {
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
            platform = new Platform(layout, kafka.join(), postgres.join(), replayFrom, environment);
        } catch (RuntimeException e) {
            kafka.thenAccept(KafkaServer::stop);
            postgres.thenAccept(PostgresServer::stop);
            throw e;
        }
        try {
            platform.prepare();
            platform.mail = MailCatcher.start(ports.smtp());
            progress.accept("mail catcher (SMTP) on 127.0.0.1:" + platform.mail.port());
            platform.startServices(ports, progress, only);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public List<RunningService> services() {
        synchronized (services) {
            return List.copyOf(services);
        }
    }

    /** Signs development bearer tokens the services of this platform accept. */
    public DevTokens tokens() {
        return DevTokens.of(layout.projectRoot());
    }

    /** The SMTP server notification-service sends to: every e-mail stays on this machine. */
    public MailCatcher mail() {
        return mail;
    }

    /** Whether the services follow the replay's business clock rather than the system clock. */
    public boolean replayMode() {
        return replayFrom != null;
    }

    /** The business clock's publisher; in replay mode only. */
    public ClockPublisher clock() {
        if (replayFrom == null) {
            throw new IllegalStateException("the platform runs on the system clock: start it with startReplay");
        }
        return new ClockPublisher(kafka.bootstrapServers());
    }

    /** The live instances of a service, first launched first; empty when every one was killed. */
    public List<RunningService> instances(String service) {
        synchronized (services) {
            return services.stream().filter(s -> s.spec().name().equals(service) && s.isAlive()).toList();
        }
    }

    /** The first live instance of a service: the one a client calls. */
    public RunningService instance(String service) {
        return instances(service).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no instance of " + service + " is alive on this platform"));
    }

    /**
     * Starts one more instance of a service on {@code port}, side by side with the others: same database, same
     * consumer groups (they share the partitions); a kpi-service instance gets its own instance id and state
     * directory and is reached by its peers on its port. Returns once it is ready.
     */
    public RunningService addInstance(String service, int port) {
        ServiceSpec spec = ServiceSpec.named(service);
        RunningService added;
        synchronized (services) {
            int instance = services.stream().filter(s -> s.spec().equals(spec)).mapToInt(RunningService::instance)
                    .max().orElse(0) + 1;
            added = launch(spec, instance, port);
            services.add(added);
        }
        writeProcesses();
        added.awaitReady(READY_TIMEOUT);
        return added;
    }

    /** Kills a service's first live instance with SIGKILL, as a crash or the OOM killer would. */
    public void kill(String service) {
        kill(instance(service));
    }

    /** Kills one instance with SIGKILL; {@link #relaunch} starts it again. */
    public void kill(RunningService instance) {
        instance.kill();
    }

    /**
     * Starts a service's first killed instance again on its port, with its database, instance id and state, and
     * waits until it is ready.
     */
    public RunningService relaunch(String service) {
        RunningService killed;
        RunningService relaunched;
        synchronized (services) {
            killed = services.stream().filter(s -> s.spec().name().equals(service) && !s.isAlive()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no killed instance of " + service + " to relaunch"));
            relaunched = launch(killed.spec(), killed.instance(), killed.port());
            services.set(services.indexOf(killed), relaunched);
        }
        writeProcesses();
        relaunched.awaitReady(READY_TIMEOUT);
        return relaunched;
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
        if (replayFrom != null) {
            try (ClockPublisher clock = clock()) {
                clock.tick(replayFrom);
            }
        }
    }

    private void startServices(PlatformPorts ports, Consumer<String> progress, List<ServiceSpec> only) {
        for (ServiceSpec spec : only) {
            int port = ports.of(spec.name());
            progress.accept("starting " + spec.name() + " on " + port);
            services.add(launch(spec, 1, port));
        }
        writeProcesses();
        services.parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
    }

    private RunningService launch(ServiceSpec spec, int instance, int port) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("RELANCE_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS);
        command.addAll(Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.add("-jar");
        command.add(spec.runner(layout.projectRoot()).toString());
        Map<String, String> environment = new HashMap<>(this.environment);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // glibc gives each thread that allocates its own 64 MB malloc arena; a JVM's native allocations fit in two
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("RELANCE_DB_HOST", "127.0.0.1");
        environment.put("RELANCE_DB_PORT", Integer.toString(postgres.port()));
        environment.put("RELANCE_DB_USER", postgres.username());
        if (spec.name().equals("kpi-service")) {
            // what several kpi-service instances need to share the work; one instance alone is unaffected
            environment.put("RELANCE_KPI_STATE_DIR", directory(layout.kpiState(instance)).toString());
            environment.put("RELANCE_KPI_INSTANCE_ID", spec.name() + "-" + instance);
            environment.put("RELANCE_KPI_ADVERTISED_SERVER", "127.0.0.1:" + port);
            environment.put("RELANCE_KPI_PEER_SECRET", kpiPeerSecret);
            // the record cache lives in the heap: a quarter of the 128 MB the platform gives each service
            environment.putIfAbsent("RELANCE_KPI_CACHE_MAX_BYTES", Long.toString(32L * 1024 * 1024));
        }
        environment.put("RELANCE_JWT_PUBLIC_KEY", layout.projectRoot().resolve("deploy/dev-keys/jwt-public.pem").toString());
        environment.put("RELANCE_SMTP_HOST", "127.0.0.1");
        environment.put("RELANCE_SMTP_PORT", Integer.toString(mail.port()));
        if (replayFrom != null) {
            environment.putAll(REPLAY_ENVIRONMENT);
        }
        spec.database().ifPresent(db -> environment.put("RELANCE_DB_NAME", db));
        String name = RunningService.name(spec, instance);
        ChildProcess process = ChildProcess.start(name, command, layout.projectRoot(), layout.log(name),
                "TERM", SERVICE_STOP_TIMEOUT, environment);
        process.watch(process.pid());
        return new RunningService(spec, instance, port, process);
    }

    private synchronized void writeProcesses() {
        List<String> lines = new ArrayList<>();
        lines.add("kafka " + kafka.pid() + " " + kafka.port());
        lines.add("postgres " + postgres.pid() + " " + postgres.port());
        services().forEach(s -> lines.add(s.name() + " " + s.pid() + " " + s.port()));
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
        if (mail != null) {
            mail.close();
        }
        kafka.stop();
        postgres.stop();
        try {
            Files.deleteIfExists(layout.processes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
