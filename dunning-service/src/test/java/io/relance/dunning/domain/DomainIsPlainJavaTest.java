package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine stays plain Java: no framework, messaging or contract import can creep into the domain package. */
class DomainIsPlainJavaTest {

    private static final Path DOMAIN = Path.of("src/main/java/io/relance/dunning/domain");

    @Test
    void theDomainImportsNothingButTheJdk() throws IOException {
        List<String> foreign;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            foreign = files.flatMap(DomainIsPlainJavaTest::imports)
                    .filter(line -> !line.contains(": import java.") && !line.contains(": import static java."))
                    .toList();
        }
        assertThat(DOMAIN).isDirectory();
        assertThat(foreign).isEmpty();
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith("import "))
                    .map(line -> file.getFileName() + ": " + line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
