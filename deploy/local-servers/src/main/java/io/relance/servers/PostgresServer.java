package io.relance.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * A PostgreSQL server running as a child process on 127.0.0.1, its cluster in {@code <dataDir>/pgdata} and its log
 * in {@code <dataDir>/postgres.log}. The superuser is {@value #USERNAME}; authentication is {@code trust}.
 */
public final class PostgresServer {

    public static final String USERNAME = "relance";
    private static final Logger LOG = Logger.getLogger(PostgresServer.class);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    // Long enough for crash recovery of a persistent cluster after a kill.
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_SOCKET_PATH = 107;

    private final Path dataDir;
    private final int port;
    private final boolean ephemeral;
    private ChildProcess process;

    private PostgresServer(Path dataDir, int port, boolean ephemeral) {
        this.dataDir = dataDir;
        this.port = port;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts PostgreSQL on the cluster in {@code dataDir}, creating the cluster first unless an earlier run did, and
     * waits until it accepts connections.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     * @param ephemeral true for a throw-away test cluster: no fsync, so a machine crash may corrupt it
     */
    public static PostgresServer start(Path dataDir, int port, boolean ephemeral) {
        PostgresServer server = new PostgresServer(dataDir.toAbsolutePath(), port == 0 ? FreePorts.find() : port,
                ephemeral);
        server.launch();
        return server;
    }

    /** A handle on a server that another class loader of this JVM started. */
    static PostgresServer attach(Path dataDir, int port, long pid) {
        PostgresServer server = new PostgresServer(dataDir, port, true);
        server.process = ChildProcess.attach("PostgreSQL", pid);
        return server;
    }

    public String username() {
        return USERNAME;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The URL form of the Vert.x reactive PostgreSQL client. */
    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster's process id. */
    public synchronized long pid() {
        return process.pid();
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database names here are lower-case identifiers ([a-z_][a-z0-9_]*): "
                    + name);
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
        } catch (SQLException e) {
            // 42P04 duplicate_database: another client created it since the check.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name + " on " + jdbcUrl(name) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Fast shutdown (SIGINT: sessions are disconnected), waiting for the exit; kills it after 30 s. */
    public synchronized void stop() {
        process.stop();
    }

    /** Kills the postmaster and all its backends with SIGKILL, as a crash would; {@link #restart()} recovers. */
    public synchronized void kill() {
        process.kill();
    }

    /** Stops the server if it runs, and starts it again on the same port and cluster. */
    public synchronized void restart() {
        process.stop();
        launch();
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        Path binDir = PostgresBinaries.binDir();
        PostgresAccount account = PostgresAccount.current();
        account.makeReachable(binDir);
        account.own(dataDir);
        Path cluster = dataDir.resolve("pgdata");
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initdb(account, binDir, cluster);
        }
        List<String> command = new ArrayList<>(List.of(binDir.resolve("postgres").toString(),
                "-D", cluster.toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-k", socketDirectory(),
                "-c", "max_connections=200"));
        if (ephemeral) {
            command.addAll(List.of("-c", "fsync=off"));
        }
        process = ChildProcess.start("PostgreSQL", account.command(command), dataDir,
                dataDir.resolve("postgres.log"), "INT", STOP_TIMEOUT);
        awaitReady();
        // The postmaster runs below runuser when this JVM is root: signals must reach it, not the wrapper.
        process.watch(postmasterPid(cluster));
        LOG.infof("PostgreSQL ready at %s in %d ms (pid %d, binaries in %s, data in %s)", jdbcUrl(""),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), process.pid(), binDir, dataDir);
    }

    private void initdb(PostgresAccount account, Path binDir, Path cluster) {
        if (Files.isDirectory(cluster)) {
            throw new IllegalStateException(cluster + " exists but holds no PostgreSQL cluster (no PG_VERSION): "
                    + "move it away, or delete it to start from an empty database");
        }
        List<String> command = new ArrayList<>(List.of(binDir.resolve("initdb").toString(),
                "-D", cluster.toString(), "-A", "trust", "-U", USERNAME, "-E", "UTF8", "--locale=C",
                "--no-instructions"));
        if (ephemeral) {
            command.add("--no-sync");
        }
        Path output = dataDir.resolve("initdb.log");
        try {
            Process initdb = new ProcessBuilder(account.command(command))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!initdb.waitFor(INITDB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new IllegalStateException("initdb in " + cluster + " took more than "
                        + INITDB_TIMEOUT.toSeconds() + " s; " + ChildProcess.tail(output));
            }
            if (initdb.exitValue() != 0) {
                throw new IllegalStateException("initdb in " + cluster + " failed with exit code " + initdb.exitValue()
                        + "; " + ChildProcess.tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running initdb in " + cluster, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            SQLException lastFailure;
            try {
                connect("postgres").close();
                return;
            } catch (SQLException e) {
                lastFailure = e;
            }
            String failure = null;
            if (!process.isAlive()) {
                failure = "exited during start-up with code " + process.exitCode().orElseThrow();
            } else if (System.nanoTime() > deadline) {
                failure = "did not accept connections on port " + port + " within " + READY_TIMEOUT.toSeconds()
                        + " s (last error: " + lastFailure.getMessage() + ")";
            }
            if (failure != null) {
                process.kill();
                throw new IllegalStateException("PostgreSQL in " + dataDir + " " + failure + "; "
                        + process.logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USERNAME);
        properties.setProperty("connectTimeout", "5");
        // Driver directly: DriverManager hides drivers loaded by another class loader, as in Quarkus tests.
        Connection connection = new Driver().connect(jdbcUrl(database), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }

    private String socketDirectory() {
        // A Unix socket path is limited to 107 bytes; a deeper folder gets TCP only.
        return (dataDir + "/.s.PGSQL." + port).length() <= MAX_SOCKET_PATH ? dataDir.toString() : "";
    }

    private long postmasterPid(Path cluster) {
        try {
            return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            process.kill();
            throw new IllegalStateException("PostgreSQL in " + dataDir + " answers but its postmaster.pid cannot be "
                    + "read", e);
        }
    }
}
