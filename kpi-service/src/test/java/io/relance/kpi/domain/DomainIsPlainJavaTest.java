package io.relance.kpi.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPI rules stay plain Java: no Kafka, Quarkus, Jakarta or event-contract import in the domain package. */
class DomainIsPlainJavaTest {

    private static final Path DOMAIN = Path.of("src/main/java/io/relance/kpi/domain");
    private static final List<String> FORBIDDEN = List.of("import org.apache.kafka", "import io.quarkus", "import jakarta",
            "import io.relance.contracts", "import com.fasterxml", "import io.micrometer");

    @Test
    void noDomainClassImportsAFrameworkOrTheEventContracts() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(5);
        for (Path source : sources) {
            assertThat(Files.readAllLines(source)).as(source.toString())
                    .noneMatch(line -> FORBIDDEN.stream().anyMatch(line::startsWith));
        }
    }
}
