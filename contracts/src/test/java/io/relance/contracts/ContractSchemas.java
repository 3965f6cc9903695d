package io.relance.contracts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.relance.contracts.clock.ClockMessageType;
import io.relance.contracts.erp.ErpMessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/** Loads the JSON Schemas shipped in the jar, the way a consumer outside Java would use them. */
final class ContractSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Draft 2020-12 treats "format" as an annotation only; the contract means it as an assertion.
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private ContractSchemas() {
    }

    static List<MessageType> allMessageTypes() {
        return Stream.of(Stream.<MessageType>of(EventType.values()), Stream.<MessageType>of(ErpMessageType.values()),
                Stream.<MessageType>of(ClockMessageType.values())).flatMap(s -> s).toList();
    }

    static JsonSchema validatorFor(MessageType type) {
        try (InputStream schema = open(type)) {
            return FACTORY.getSchema(schema, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema document itself, to compare its properties with the record's components. */
    static JsonNode documentOf(MessageType type) {
        try (InputStream schema = open(type)) {
            return TestObjectMappers.production().readTree(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(MessageType type) {
        return requireNonNull(ContractSchemas.class.getResourceAsStream(type.schemaPath()), type.schemaPath());
    }
}
