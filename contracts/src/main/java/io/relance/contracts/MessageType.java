package io.relance.contracts;

/**
 * A versioned kind of Kafka message: its {@code ce_type}, the record its JSON value maps to, the
 * topic it travels on and its JSON Schema.
 */
public interface MessageType {

    /** Value of the {@code ce_type} header, for example {@code relance.invoice.issued.v1}. */
    String ceType();

    /** The record the JSON value deserialises into. */
    Class<?> payloadType();

    String topic();

    /** Classpath resource of the JSON Schema (draft 2020-12) that the payload satisfies. */
    default String schemaPath() {
        return ContractResources.SCHEMA_DIRECTORY + ceType() + ".json";
    }
}
