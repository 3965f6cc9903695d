package io.relance.servers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import io.relance.contracts.Topics;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), running as a child JVM
 * with the broker class path that the kafka-broker module wrote at build time.
 */
public final class KafkaServer {

    private static final Logger LOG = Logger.getLogger(KafkaServer.class);
    private static final String CLASSPATH_RESOURCE = "io/relance/kafka-broker.classpath";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    private KafkaServer(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}, formatting the storage there first unless an earlier run
     * did, and waits until it answers.
     *
     * @param port the client port on 127.0.0.1, or 0 for a free one
     */
    public static KafkaServer start(Path dataDir, int port) {
        KafkaServer server = new KafkaServer(dataDir.toAbsolutePath(), port == 0 ? FreePorts.find() : port,
                FreePorts.find());
        server.launch();
        return server;
    }

    /** A handle on a broker that another class loader of this JVM started. */
    static KafkaServer attach(Path dataDir, int port, long pid) {
        KafkaServer server = new KafkaServer(dataDir, port, 0);
        server.process = ChildProcess.attach("Kafka broker", pid);
        return server;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's process id. */
    public synchronized long pid() {
        return process.pid();
    }

    /**
     * Creates the topics that do not exist yet, with replication factor 1; those in {@link Topics#COMPACTED} get
     * {@code cleanup.policy=compact}, those in {@link Topics#SINGLE_PARTITION} one partition. Returns once the broker
     * serves metadata for all of them.
     */
    public void createTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics = names.stream()
                .map(name -> new NewTopic(name, Topics.SINGLE_PARTITION.contains(name) ? 1 : partitions, (short) 1)
                        .configs(Topics.COMPACTED.contains(name)
                                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                : Map.of()))
                .toList();
        try (Admin admin = admin()) {
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                try {
                    await(created.getValue());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + created.getKey() + " on "
                                + bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            awaitMetadata(admin, names);
        }
    }

    // The broker answers createTopics before its own metadata cache has the topics: clients would not see them yet.
    private void awaitMetadata(Admin admin, Collection<String> names) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                await(admin.describeTopics(names).allTopicNames());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topics " + names + " were created on " + bootstrapServers()
                            + " but cannot be described: " + e.getCause().getMessage(), e.getCause());
                }
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), and kills it if it has not exited after 30 s. */
    public synchronized void stop() {
        process.stop();
    }

    /** Kills the broker with SIGKILL, as a crash would; {@link #restart()} recovers its logs. */
    public synchronized void kill() {
        process.kill();
    }

    /** Stops the broker if it runs, and starts it again on the same ports and data. */
    public synchronized void restart() {
        process.stop();
        launch();
    }

    private synchronized void launch() {
        String classPath = brokerClassPath();
        Path logDir = dataDir.resolve("kafka-logs");
        Path config = dataDir.resolve("server.properties");
        Path log4jConfig = dataDir.resolve("log4j2.properties");
        Path brokerLog = dataDir.resolve("broker.log");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(config, serverProperties(logDir));
            Files.writeString(log4jConfig, log4jProperties(brokerLog));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Kafka broker configuration in " + dataDir, e);
        }
        long started = System.nanoTime();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(classPath, config, log4jConfig);
        }
        process = ChildProcess.start("Kafka broker", List.of(javaCommand(), "-Xmx512m", "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig, "-cp", classPath, "kafka.Kafka", config.toString()),
                dataDir, dataDir.resolve("broker.out"), "TERM", STOP_TIMEOUT);
        process.watch(process.pid());
        awaitReady(brokerLog);
        LOG.infof("Kafka broker ready at %s in %d ms (pid %d, data in %s)", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), dataDir);
    }

    private void format(String classPath, Path config, Path log4jConfig) {
        Path output = dataDir.resolve("format.out");
        List<String> command = List.of(javaCommand(), "-Xmx256m", "-Dlog4j2.configurationFile=" + log4jConfig,
                "-cp", classPath, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString(), "--standalone");
        try {
            Process format = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " took more than "
                        + FORMAT_TIMEOUT.toSeconds() + " s; " + ChildProcess.tail(output));
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed with exit code "
                        + format.exitValue() + "; " + ChildProcess.tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run the Kafka storage tool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage in " + dataDir, e);
        }
    }

    private void awaitReady(Path brokerLog) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // Waiting for the port first keeps the admin client from logging connection failures while the JVM boots.
        while (!accepts(port)) {
            checkStarting(brokerLog, deadline);
            sleep(Duration.ofMillis(100));
        }
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debugf("Kafka broker at %s not ready yet: %s", bootstrapServers(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
                }
                checkStarting(brokerLog, deadline);
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private void checkStarting(Path brokerLog, long deadline) {
        String failure = null;
        if (!process.isAlive()) {
            failure = "exited during start-up with code " + process.exitCode().orElseThrow();
        } else if (System.nanoTime() > deadline) {
            failure = "did not answer on " + bootstrapServers() + " within " + READY_TIMEOUT.toSeconds() + " s";
        }
        if (failure != null) {
            process.kill();
            throw new IllegalStateException("The Kafka broker in " + dataDir + " " + failure + "; "
                    + ChildProcess.tail(brokerLog) + "\n" + process.logTail());
        }
    }

    private String serverProperties(Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir,
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                // 50 partitions by default: more files and a slower first consumer group join, for no gain here.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // After a kill the controller refuses the broker's re-registration until its old session expires (9 s).
                "broker.session.timeout.ms=3000",
                "broker.heartbeat.interval.ms=500",
                "");
    }

    private static String log4jProperties(Path brokerLog) {
        return String.join("\n",
                "status=warn",
                "appender.file.type=RollingFile",
                "appender.file.name=file",
                "appender.file.fileName=" + brokerLog,
                "appender.file.filePattern=" + brokerLog + ".%i",
                "appender.file.layout.type=PatternLayout",
                "appender.file.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "appender.file.policies.type=Policies",
                "appender.file.policies.size.type=SizeBasedTriggeringPolicy",
                "appender.file.policies.size.size=20MB",
                "appender.file.strategy.type=DefaultRolloverStrategy",
                "appender.file.strategy.max=2",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.file.ref=file",
                "");
    }

    private Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "relance-local-servers");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(ADMIN_TIMEOUT.toMillis()));
        return Admin.create(config);
    }

    private static <T> void await(KafkaFuture<T> future) throws ExecutionException {
        try {
            future.get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        } catch (TimeoutException e) {
            throw new ExecutionException(e);
        }
    }

    private static String brokerClassPath() {
        String classPath;
        try (InputStream in = KafkaServer.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The class path resource " + CLASSPATH_RESOURCE + " is missing: "
                        + "depend on io.relance:kafka-broker (with all its transitive dependencies excluded)");
            }
            classPath = new String(in.readAllBytes(), UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + CLASSPATH_RESOURCE, e);
        }
        Arrays.stream(classPath.split(File.pathSeparator))
                .filter(jar -> !Files.isRegularFile(Path.of(jar)))
                .findFirst()
                .ifPresent(jar -> {
                    throw new IllegalStateException("The Kafka broker class path names " + jar + ", which does not "
                            + "exist: build deploy/kafka-broker on this machine so that Maven downloads its jars");
                });
        return classPath;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
