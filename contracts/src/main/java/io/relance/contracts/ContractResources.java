package io.relance.contracts;

/** Classpath locations of the contract documents shipped in this jar. */
public final class ContractResources {

    /** Folder of the JSON Schemas, one file per {@code ce_type}: {@code <ce_type>.json}. */
    public static final String SCHEMA_DIRECTORY = "/io/relance/contracts/schemas/";

    /** The AsyncAPI 3.0 document describing every topic, its publisher, consumers and messages. */
    public static final String ASYNCAPI_DOCUMENT = "/io/relance/contracts/asyncapi.yaml";

    private ContractResources() {
    }
}
