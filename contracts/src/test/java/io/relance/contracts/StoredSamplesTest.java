package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stored sample still reads into its record and satisfies its schema, so removing or re-typing
 * a field breaks the build instead of a consumer.
 */
class StoredSamplesTest {

    private final ObjectMapper strict = TestObjectMappers.strict();
    private final ObjectMapper production = TestObjectMappers.production();

    static List<Path> samples() {
        return Samples.all();
    }

    static List<MessageType> messageTypes() {
        return ContractSchemas.allMessageTypes();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void everyMessageTypeHasAtLeastOneSample(MessageType type) {
        assertThat(Samples.of(type)).as("samples/%s/*.json", type.ceType()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleFolderNamesAKnownCeType(Path sample) {
        assertThat(Samples.typeOf(sample)).as(Samples.ceTypeOf(sample)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleSatisfiesTheCurrentSchema(Path sample) throws IOException {
        MessageType type = Samples.typeOf(sample).orElseThrow();

        assertThat(ContractSchemas.validatorFor(type).validate(strict.readTree(sample.toFile()))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSampleReadsIntoItsRecordAndWritesBackTheSameFields(Path sample) throws IOException {
        MessageType type = Samples.typeOf(sample).orElseThrow();
        JsonNode stored = strict.readTree(sample.toFile());

        Object payload = strict.readValue(sample.toFile(), type.payloadType());
        JsonNode written = production.readTree(production.writeValueAsString(payload));

        assertThat(withoutNulls(written)).isEqualTo(withoutNulls(stored));
    }

    // A null field and an absent one mean the same; the comparison looks at the values that are there.
    private static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(object.properties().stream()
                    .filter(field -> field.getValue().isNull())
                    .map(Map.Entry::getKey)
                    .toList());
        }
        node.forEach(StoredSamplesTest::removeNulls);
    }
}
