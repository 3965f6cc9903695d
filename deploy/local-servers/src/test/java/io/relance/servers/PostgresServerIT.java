package io.relance.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @Test
    void aRowRoundTripsThroughANewlyCreatedDatabase() throws SQLException {
        PostgresServer postgres = LocalServers.shared().postgres();
        postgres.createDatabase("postgres_server_it");
        postgres.createDatabase("postgres_server_it");

        execute(postgres, "postgres_server_it", "create table greeting (id int primary key, text varchar(20))");
        execute(postgres, "postgres_server_it", "insert into greeting values (1, 'bonjour')");

        assertThat(texts(postgres, "postgres_server_it", "select text from greeting")).containsExactly("bonjour");
    }

    @Test
    void aStoppedPersistentClusterFreesItsPortAndKeepsItsDataOnRestart(@TempDir Path dataDir) throws SQLException {
        PostgresServer postgres = PostgresServer.start(dataDir, 0, false);
        try {
            postgres.createDatabase("kept");
            execute(postgres, "kept", "create table invoice (number varchar(20))");
            execute(postgres, "kept", "insert into invoice values ('INV-1')");
            long pid = postgres.pid();

            postgres.stop();

            assertThat(ProcessHandle.of(pid)).isEmpty();
            assertThat(FreePorts.isFree(postgres.port())).isTrue();

            postgres.restart();

            assertThat(texts(postgres, "kept", "select number from invoice")).containsExactly("INV-1");
        } finally {
            postgres.stop();
        }
    }

    @Test
    void aKilledServerRecoversItsCommittedRowsOnRestart(@TempDir Path dataDir) throws SQLException {
        PostgresServer postgres = PostgresServer.start(dataDir, 0, false);
        try {
            execute(postgres, "postgres", "create table payment (reference varchar(20))");
            execute(postgres, "postgres", "insert into payment values ('PAY-1')");
            long pid = postgres.pid();

            postgres.kill();

            assertThat(ProcessHandle.of(pid)).isEmpty();
            postgres.restart();

            assertThat(texts(postgres, "postgres", "select reference from payment")).containsExactly("PAY-1");
        } finally {
            postgres.stop();
        }
    }

    private static void execute(PostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> texts(PostgresServer postgres, String database, String query) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }
}
