package io.relance.contracts;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The only place tests build object mappers. */
final class TestObjectMappers {

    private TestObjectMappers() {
    }

    /** Configured as the services' mapper: ISO-8601 dates and instants, decimals never in exponent form. */
    static ObjectMapper production() {
        return productionBuilder().build();
    }

    /** The production mapper that also rejects unknown fields, so samples and records cannot drift apart. */
    static ObjectMapper strict() {
        return productionBuilder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    static ObjectMapper yaml() {
        return new YAMLMapper();
    }

    private static JsonMapper.Builder productionBuilder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
