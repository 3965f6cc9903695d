package io.relance.servers;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared Kafka broker and PostgreSQL server ({@link LocalServers}):
 * {@code @WithTestResource(RelanceServersTestResource.class)}. The database is {@value #DEFAULT_DATABASE} unless the
 * init argument {@value #DATABASE_ARG} names another; it is created if missing. The servers outlive the
 * application: {@link #stop()} leaves them running for the next test class.
 */
public class RelanceServersTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "relance";
    // Trust authentication ignores it; not empty, so that it overrides a production password expression.
    private static final String PASSWORD = "unused-trust-authentication";

    private String database = DEFAULT_DATABASE;

    /** The servers the application under test talks to, e.g. for a test's own consumer on bootstrapServers(). */
    public static LocalServers servers() {
        return LocalServers.shared();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        LocalServers servers = LocalServers.shared();
        PostgresServer postgres = servers.postgres();
        postgres.createDatabase(database);
        String bootstrapServers = servers.kafka().bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.kafka-streams.bootstrap-servers", bootstrapServers,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", PASSWORD,
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The servers belong to the JVM, not to one application start: LocalServers stops them at exit.
    }
}
