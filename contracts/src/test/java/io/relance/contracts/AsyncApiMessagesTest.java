package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relance.contracts.clock.ClockMessageType;
import io.relance.contracts.clock.ClockTick;
import io.relance.contracts.erp.ErpMessageType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AsyncAPI messages cannot drift from the message types, their schemas and the header names. */
class AsyncApiMessagesTest {

    private final AsyncApiDocument document = AsyncApiDocument.load();

    static List<MessageType> messageTypes() {
        return ContractSchemas.allMessageTypes();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void everyMessageTypeIsAMessageOfTheChannelOfItsTopic(MessageType type) {
        JsonNode channel = document.channelWithAddress(type.topic()).orElseThrow();

        assertThat(document.messagesOf(channel))
                .filteredOn(message -> type.ceType().equals(message.path("name").asText()))
                .singleElement()
                .satisfies(message -> assertThat(declaredCeType(message)).contains(type.ceType()));
    }

    @Test
    void everyMessageOnAnEventChannelIsAMessageTypeOfThatTopic() {
        document.channels().stream()
                .map(Map.Entry::getValue)
                .filter(channel -> !Topics.DEAD_LETTERS.contains(channel.path("address").asText()))
                .forEach(channel -> assertThat(document.messagesOf(channel))
                        .allSatisfy(message -> assertThat(typeNamed(message.path("name").asText()))
                                .as(message.path("name").asText())
                                .hasValueSatisfying(type ->
                                        assertThat(type.topic()).isEqualTo(channel.path("address").asText()))));
    }

    @Test
    void deadLetterChannelsCarryOnlyTheDeadLetterMessage() {
        document.channels().stream()
                .map(Map.Entry::getValue)
                .filter(channel -> Topics.DEAD_LETTERS.contains(channel.path("address").asText()))
                .forEach(channel -> assertThat(document.messagesOf(channel))
                        .extracting(message -> message.path("name").asText())
                        .containsExactly(AsyncApiDocument.DEAD_LETTER_MESSAGE));
    }

    @Test
    void noMessageInTheDocumentLacksAMessageType() {
        assertThat(document.componentMessages())
                .extracting(message -> message.path("name").asText())
                .filteredOn(name -> !AsyncApiDocument.DEAD_LETTER_MESSAGE.equals(name))
                .allSatisfy(name -> assertThat(typeNamed(name)).as(name).isPresent())
                .hasSize(messageTypes().size());
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void thePayloadReferencesTheSchemaOfItsType(MessageType type) {
        JsonNode message = componentMessageNamed(type.ceType());
        String schema = AsyncApiDocument.classpathOf(message.at("/payload/$ref").asText());

        assertThat(schema).isEqualTo(type.schemaPath());
        assertThat(AsyncApiMessagesTest.class.getResource(schema)).as(schema).isNotNull();
    }

    @Test
    void everyBusinessMessageIsKeyedByTheCustomerIdAsAString() {
        assertThat(document.componentMessages())
                .filteredOn(message -> ClockMessageType.fromCeType(message.path("name").asText()).isEmpty())
                .allSatisfy(message -> {
                    JsonNode key = document.resolve(document.resolve(message.path("bindings")).at("/kafka/key"));
                    assertThat(key.path("type").asText()).as(message.path("name").asText()).isEqualTo("string");
                    assertThat(key.path("description").asText()).contains("customer id");
                });
    }

    @Test
    void theClockIsKeyedByItsOneConstantKey() {
        JsonNode message = componentMessageNamed(ClockMessageType.TICK_V1.ceType());
        JsonNode key = document.resolve(document.resolve(message.path("bindings")).at("/kafka/key"));

        assertThat(key.path("const").asText()).isEqualTo(ClockTick.KEY);
    }

    @Test
    void theEventHeadersAreTheCloudEventsHeaders() {
        JsonNode headers = document.root().at("/components/schemas/cloudEventHeaders");

        assertThat(propertyNames(headers)).containsExactlyInAnyOrder(CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.at("/properties/" + CloudEventHeaders.SPEC_VERSION + "/const").asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
    }

    @Test
    void theDeadLetterHeadersAreTheDeadLetterHeaderNames() {
        JsonNode headers = document.root().at("/components/schemas/deadLetterHeaders");

        assertThat(propertyNames(headers)).containsExactlyInAnyOrder(CloudEventHeaders.DEAD_LETTER_REASON,
                CloudEventHeaders.DEAD_LETTER_TOPIC, CloudEventHeaders.DEAD_LETTER_PARTITION,
                CloudEventHeaders.DEAD_LETTER_OFFSET);
    }

    private JsonNode componentMessageNamed(String name) {
        return document.componentMessages().stream()
                .filter(message -> name.equals(message.path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message named " + name));
    }

    private static Optional<String> declaredCeType(JsonNode message) {
        return message.at("/headers/allOf").valueStream()
                .map(part -> part.at("/properties/ce_type/const"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst();
    }

    private static Optional<MessageType> typeNamed(String ceType) {
        return EventType.fromCeType(ceType).<MessageType>map(type -> type).or(() -> ErpMessageType.fromCeType(ceType))
                .or(() -> ClockMessageType.fromCeType(ceType));
    }

    private static List<String> propertyNames(JsonNode schema) {
        return schema.path("properties").properties().stream().map(Map.Entry::getKey).toList();
    }
}
