package io.relance.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RelanceServersTestResourceIT {

    @Test
    void theConfigurationPointsTheApplicationAtTheSharedServersAndACreatedDatabase() throws SQLException {
        RelanceServersTestResource resource = new RelanceServersTestResource();
        resource.init(Map.of(RelanceServersTestResource.DATABASE_ARG, "invoices"));

        Map<String, String> config = resource.start();

        LocalServers servers = RelanceServersTestResource.servers();
        int port = servers.postgres().port();
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", servers.kafka().bootstrapServers())
                .containsEntry("quarkus.kafka-streams.bootstrap-servers", servers.kafka().bootstrapServers())
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/invoices")
                .containsEntry("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/invoices")
                .containsEntry("quarkus.datasource.username", "relance");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("invoices");
        }
    }
}
