package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relance.contracts.erp.ErpInvoice;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypeTest {

    private static final Pattern CE_TYPE = Pattern.compile("^relance\\.[a-z]+(\\.[a-z-]+)+\\.v[0-9]+$");

    static List<MessageType> messageTypes() {
        return ContractSchemas.allMessageTypes();
    }

    @Test
    void noTwoMessageTypesShareACeType() {
        assertThat(messageTypes()).extracting(MessageType::ceType).doesNotHaveDuplicates();
    }

    @Test
    void noTwoEventTypesShareAPayloadRecord() {
        assertThat(EventType.values()).extracting(EventType::payloadType).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void theCeTypeNamesTheAreaTheFactAndTheVersion(MessageType type) {
        assertThat(type.ceType()).matches(CE_TYPE);
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void theSchemaIsOnTheClasspathUnderTheCeType(MessageType type) {
        assertThat(type.schemaPath()).isEqualTo("/io/relance/contracts/schemas/" + type.ceType() + ".json");
        assertThat(EventTypeTest.class.getResource(type.schemaPath())).as(type.schemaPath()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void thePayloadIsARecordAndTheTopicAContractTopicForEvents(MessageType type) {
        assertThat(type.payloadType().isRecord()).isTrue();
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(Topics.DEAD_LETTERS).doesNotContain(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fromCeTypeFindsTheTypeBack(EventType type) {
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ofFindsTheTypeOfItsPayloadRecord(EventType type) {
        assertThat(EventType.of(type.payloadType())).isEqualTo(type);
    }

    @Test
    void fromCeTypeIsEmptyForAnUnknownOrMissingHeader() {
        assertThat(EventType.fromCeType("relance.invoice.issued.v99")).isEmpty();
        assertThat(EventType.fromCeType(null)).isEmpty();
    }

    @Test
    void ofRejectsAClassThatIsNotAnEventPayload() {
        assertThatThrownBy(() -> EventType.of(ErpInvoice.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ErpInvoice");
    }
}
