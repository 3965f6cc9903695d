package io.relance.servers;

import static java.nio.file.attribute.PosixFilePermissions.asFileAttribute;
import static java.nio.file.attribute.PosixFilePermissions.fromString;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresAccountTest {

    private static final Set<String> POSTGRES_GROUPS = Set.of("postgres", "ssl-cert");

    @TempDir
    Path tmp;

    @Test
    void aFolderPrivateToAnotherUserBlocksThePostgresUser() {
        assertThat(PostgresAccount.traversable("root", "root", fromString("rwx------"), "postgres", POSTGRES_GROUPS))
                .isFalse();
        assertThat(PostgresAccount.traversable("root", "root", fromString("rwx-----x"), "postgres", POSTGRES_GROUPS))
                .isTrue();
    }

    @Test
    void onlyTheOwnerBitsCountForTheOwnerAndOnlyTheGroupBitsForAMember() {
        assertThat(PostgresAccount.traversable("postgres", "root", fromString("rw-r-xr-x"), "postgres",
                POSTGRES_GROUPS)).isFalse();
        assertThat(PostgresAccount.traversable("root", "ssl-cert", fromString("rwxr---wx"), "postgres",
                POSTGRES_GROUPS)).isFalse();
        assertThat(PostgresAccount.traversable("root", "ssl-cert", fromString("rwx--x---"), "postgres",
                POSTGRES_GROUPS)).isTrue();
    }

    @Test
    void theAncestorsToOpenAreThoseLikeAMktempFolderThatThePostgresUserCannotCross() throws IOException {
        // The clean-clone check runs the project in a mktemp -d folder: mode 700, owned by whoever runs it.
        Path checkout = Files.createDirectory(tmp.resolve("tmp.Xy12"), asFileAttribute(fromString("rwx------")));
        Path data = Files.createDirectories(checkout.resolve("relance/.relance/postgres"));
        Files.setPosixFilePermissions(tmp, fromString("rwxr-xr-x"));

        List<Path> blocked = PostgresAccount.untraversableAncestors(data, "postgres", POSTGRES_GROUPS);

        assertThat(blocked).contains(checkout).doesNotContain(tmp, checkout.resolve("relance"), Path.of("/"));
    }

    @Test
    void asRootTheBinariesRunAsThePostgresUserAndOtherwiseDirectly() {
        List<String> initdb = List.of("/opt/pg/bin/initdb", "-D", "/data");

        assertThat(new PostgresAccount("postgres", POSTGRES_GROUPS).command(initdb))
                .containsExactly("runuser", "-u", "postgres", "--", "/opt/pg/bin/initdb", "-D", "/data");
        assertThat(new PostgresAccount(null, Set.of()).command(initdb)).isEqualTo(initdb);
    }
}
