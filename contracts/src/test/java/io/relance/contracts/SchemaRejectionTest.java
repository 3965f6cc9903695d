package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The schemas catch what a producer could get wrong, so the conformance tests can fail. */
class SchemaRejectionTest {

    private static final String MONEY = "#/$defs/money";

    private final ObjectMapper mapper = TestObjectMappers.production();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventMissingAnyRequiredFieldIsRejected(EventType type) throws JsonProcessingException {
        ObjectNode complete = wire(EventFixtures.complete(type));

        for (JsonNode required : ContractSchemas.documentOf(type).get("required")) {
            ObjectNode missingOne = complete.deepCopy();
            missingOne.remove(required.asText());

            assertThat(ContractSchemas.validatorFor(type).validate(missingOne))
                    .as("%s without %s", type, required.asText())
                    .extracting(ValidationMessage::getType, ValidationMessage::getProperty)
                    .containsExactly(tuple("required", required.asText()));
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("moneyFields")
    void anAmountSentAsAFloatingPointNumberIsRejected(EventType type, String field) throws JsonProcessingException {
        ObjectNode asNumber = wire(EventFixtures.complete(type)).put(field, 8400.5);

        assertThat(ContractSchemas.validatorFor(type).validate(asNumber))
                .extracting(ValidationMessage::getType)
                .containsExactly("type");
    }

    @Test
    void anUnknownFieldIsRejected() throws JsonProcessingException {
        ObjectNode withExtra = wire(EventFixtures.complete(EventType.INVOICE_ISSUED_V1)).put("discount", "10.00");

        assertThat(ContractSchemas.validatorFor(EventType.INVOICE_ISSUED_V1).validate(withExtra))
                .extracting(ValidationMessage::getType)
                .containsExactly("additionalProperties");
    }

    @Test
    void anImpossibleDateIsRejected() throws JsonProcessingException {
        ObjectNode badDate = wire(EventFixtures.complete(EventType.INVOICE_ISSUED_V1)).put("dueDate", "2025-02-30");

        assertThat(ContractSchemas.validatorFor(EventType.INVOICE_ISSUED_V1).validate(badDate))
                .extracting(ValidationMessage::getType)
                .containsExactly("format");
    }

    @Test
    void anEnumValueOutsideTheListIsRejected() throws JsonProcessingException {
        ObjectNode unknownReason = wire(EventFixtures.complete(EventType.DISPUTE_OPENED_V1)).put("reason", "LATE");

        assertThat(ContractSchemas.validatorFor(EventType.DISPUTE_OPENED_V1).validate(unknownReason))
                .extracting(ValidationMessage::getType)
                .containsExactly("enum");
    }

    @Test
    void aLowerCaseCurrencyIsRejected() throws JsonProcessingException {
        ObjectNode lowerCase = wire(EventFixtures.complete(EventType.INVOICE_ISSUED_V1)).put("currency", "eur");

        assertThat(ContractSchemas.validatorFor(EventType.INVOICE_ISSUED_V1).validate(lowerCase))
                .extracting(ValidationMessage::getType)
                .containsExactly("pattern");
    }

    static Stream<Arguments> moneyFields() {
        return Stream.of(EventType.values()).flatMap(type -> {
            JsonNode schema = ContractSchemas.documentOf(type);
            return schema.get("required").valueStream()
                    .map(JsonNode::asText)
                    .filter(field -> MONEY.equals(schema.at("/properties/" + field + "/$ref").asText()))
                    .map(field -> Arguments.of(type, field));
        });
    }

    private ObjectNode wire(Object payload) throws JsonProcessingException {
        return (ObjectNode) mapper.readTree(mapper.writeValueAsString(payload));
    }
}
