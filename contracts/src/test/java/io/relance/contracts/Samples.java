package io.relance.contracts;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.clock.ClockMessageType;
import io.relance.contracts.erp.ErpMessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The stored sample payloads: {@code samples/<ce_type>/*.json} on the test classpath. */
final class Samples {

    private Samples() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> of(MessageType type) {
        return all().stream().filter(sample -> ceTypeOf(sample).equals(type.ceType())).toList();
    }

    /** The type named by the sample's folder, or empty when no message type has that ce_type. */
    static Optional<MessageType> typeOf(Path sample) {
        String ceType = ceTypeOf(sample);
        return EventType.fromCeType(ceType)
                .<MessageType>map(type -> type)
                .or(() -> ErpMessageType.fromCeType(ceType))
                .or(() -> ClockMessageType.fromCeType(ceType));
    }

    static String ceTypeOf(Path sample) {
        return sample.getParent().getFileName().toString();
    }

    private static Path root() {
        try {
            return Path.of(requireNonNull(Samples.class.getResource("/samples"), "samples folder").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
