package io.relance.dunning.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.relance.dunning.domain.FrenchB2bPolicy;
import io.relance.dunning.domain.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/** Seeds the default French B2B policy on first start; instances starting together insert it once. */
@ApplicationScoped
public class DefaultPolicySeeder {

    private static final String INSERT = """
            INSERT INTO dunning_policy (row_id, policy_id, version, name, steps, sends_on_non_business_days, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (policy_id, version) DO NOTHING""";

    // Flyway's JDBC pool, blocking and available at start-up, where the reactive session is not.
    private final AgroalDataSource dataSource;
    private final Clock clock;

    DefaultPolicySeeder(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        Policy policy = FrenchB2bPolicy.create();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, policy.id());
            insert.setInt(3, policy.version());
            insert.setString(4, policy.name());
            insert.setString(5, Json.write(policy.steps()));
            insert.setBoolean(6, policy.sendsOnNonBusinessDays());
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }
}
