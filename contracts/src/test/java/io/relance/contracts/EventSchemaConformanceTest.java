package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.erp.ErpMessageType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the Java records put on the wire is what the hand-written schemas accept. */
class EventSchemaConformanceTest {

    private final ObjectMapper mapper = TestObjectMappers.production();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithEveryOptionalFieldSetSatisfiesItsSchema(EventType type) throws JsonProcessingException {
        JsonNode json = wire(EventFixtures.complete(type));

        assertThat(ContractSchemas.validatorFor(type).validate(json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithEveryOptionalFieldNullSatisfiesItsSchema(EventType type) throws JsonProcessingException {
        JsonNode json = wire(EventFixtures.minimal(type));

        assertThat(ContractSchemas.validatorFor(type).validate(json)).isEmpty();
    }

    @Test
    void anErpInvoiceSatisfiesItsSchemaWithOrWithoutAnEmbeddedCustomer() throws JsonProcessingException {
        assertThat(ContractSchemas.validatorFor(ErpMessageType.INVOICE_V1).validate(wire(EventFixtures.erpInvoice())))
                .isEmpty();
        assertThat(ContractSchemas.validatorFor(ErpMessageType.INVOICE_V1)
                .validate(wire(EventFixtures.erpInvoiceWithCustomer()))).isEmpty();
    }

    @Test
    void anErpCustomerSatisfiesItsSchemaWithEveryOptionalFieldSetOrNull() throws JsonProcessingException {
        assertThat(ContractSchemas.validatorFor(ErpMessageType.CUSTOMER_V1).validate(wire(EventFixtures.erpCustomer())))
                .isEmpty();
        assertThat(ContractSchemas.validatorFor(ErpMessageType.CUSTOMER_V1)
                .validate(wire(EventFixtures.minimalErpCustomer()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaDescribesExactlyTheRecordComponents(EventType type) {
        assertThat(propertiesOf(type)).containsExactlyInAnyOrderElementsOf(componentNames(type.payloadType()));
    }

    @ParameterizedTest
    @EnumSource(ErpMessageType.class)
    void theErpSchemaDescribesExactlyTheRecordComponents(ErpMessageType type) {
        assertThat(propertiesOf(type)).containsExactlyInAnyOrderElementsOf(componentNames(type.payloadType()));
    }

    @Test
    void theCustomerEmbeddedInAnErpInvoiceIsDescribedAsTheErpCustomerSchemaDescribesIt() {
        JsonNode embedded = ContractSchemas.documentOf(ErpMessageType.INVOICE_V1).at("/$defs/erpCustomer");
        JsonNode standalone = ContractSchemas.documentOf(ErpMessageType.CUSTOMER_V1);

        assertThat(embedded.get("properties")).isEqualTo(standalone.get("properties"));
        assertThat(embedded.get("required")).isEqualTo(standalone.get("required"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaRequiresExactlyTheFieldsTheRecordCannotLeaveNull(EventType type) throws JsonProcessingException {
        JsonNode minimal = wire(EventFixtures.minimal(type));
        List<String> neverNull = minimal.properties().stream()
                .filter(field -> !field.getValue().isNull())
                .map(Map.Entry::getKey)
                .toList();

        assertThat(requiredOf(type)).containsExactlyInAnyOrderElementsOf(neverNull);
    }

    @Test
    void theErpInvoiceSchemaRequiresEveryFieldButTheEmbeddedCustomer() {
        assertThat(requiredOf(ErpMessageType.INVOICE_V1)).containsExactlyInAnyOrderElementsOf(
                componentNames(ErpMessageType.INVOICE_V1.payloadType()).stream().filter(n -> !n.equals("customer")).toList());
    }

    @Test
    void theErpCustomerSchemaRequiresExactlyTheFieldsTheRecordCannotLeaveNull() throws JsonProcessingException {
        JsonNode minimal = wire(EventFixtures.minimalErpCustomer());
        List<String> neverNull = minimal.properties().stream()
                .filter(field -> !field.getValue().isNull())
                .map(Map.Entry::getKey)
                .filter(name -> !name.equals("emails"))
                .toList();

        assertThat(requiredOf(ErpMessageType.CUSTOMER_V1)).containsExactlyInAnyOrderElementsOf(neverNull);
    }

    private JsonNode wire(Object payload) throws JsonProcessingException {
        return mapper.readTree(mapper.writeValueAsString(payload));
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> propertiesOf(MessageType type) {
        return ContractSchemas.documentOf(type).get("properties").properties().stream()
                .map(Map.Entry::getKey)
                .toList();
    }

    private static List<String> requiredOf(MessageType type) {
        return ContractSchemas.documentOf(type).get("required").valueStream().map(JsonNode::asText).toList();
    }
}
