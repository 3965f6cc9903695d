package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AsyncAPI channels and operations cannot drift from {@link Topics}. */
class AsyncApiChannelsTest {

    private static final Set<String> PARTICIPANTS = Set.of(
            "invoice-service", "payment-service", "dunning-service", "notification-service", "kpi-service", "erp", "replay");

    private final AsyncApiDocument document = AsyncApiDocument.load();

    @Test
    void theChannelAddressesAreExactlyTheTopics() {
        assertThat(document.channels()).extracting(channel -> channel.getValue().path("address").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void theCompactedChannelsAreExactlyTheCompactedTopics() {
        List<String> compacted = document.channels().stream()
                .map(Map.Entry::getValue)
                .filter(channel -> cleanupPolicy(channel).contains("compact"))
                .map(channel -> channel.path("address").asText())
                .toList();

        assertThat(compacted).containsExactlyInAnyOrderElementsOf(Topics.COMPACTED);
    }

    @Test
    void everyChannelStatesItsCleanupPolicy() {
        assertThat(document.channels()).allSatisfy(channel ->
                assertThat(cleanupPolicy(channel.getValue())).as(channel.getKey()).isNotEmpty());
    }

    @Test
    void everyChannelHasExactlyOnePublisher() {
        assertThat(document.channels()).allSatisfy(channel -> assertThat(document.operations())
                .as(channel.getKey())
                .filteredOn(operation -> "send".equals(operation.path("action").asText()))
                .filteredOn(operation -> isOn(operation, channel.getKey()))
                .hasSize(1));
    }

    @Test
    void everyOperationHandlesOnlyMessagesOfItsOwnChannel() {
        assertThat(document.operations()).allSatisfy(operation -> {
            String channel = operation.at("/channel/$ref").asText();
            assertThat(operation.path("messages").valueStream().map(ref -> ref.path("$ref").asText()))
                    .isNotEmpty()
                    .allSatisfy(ref -> assertThat(ref).startsWith(channel + "/messages/"))
                    .allSatisfy(ref -> assertThat(document.root().at(ref.substring(1)).isMissingNode()).isFalse());
        });
    }

    @Test
    void everyOperationNamesTheServiceOrSystemPerformingIt() {
        assertThat(document.operations()).allSatisfy(operation -> assertThat(operation.path("tags"))
                .singleElement()
                .satisfies(tag -> assertThat(PARTICIPANTS).contains(tag.path("name").asText())));
    }

    @Test
    void eachServicePublishesOnItsOwnDeadLetterTopic() {
        for (String topic : Topics.DEAD_LETTERS) {
            String service = topic.substring(0, topic.indexOf('.'));
            String channelId = document.channels().stream()
                    .filter(channel -> topic.equals(channel.getValue().path("address").asText()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();

            assertThat(document.operations())
                    .filteredOn(operation -> isOn(operation, channelId))
                    .filteredOn(operation -> "send".equals(operation.path("action").asText()))
                    .singleElement()
                    .satisfies(operation -> assertThat(operation.at("/tags/0/name").asText()).isEqualTo(service));
        }
    }

    private static boolean isOn(JsonNode operation, String channelId) {
        return operation.at("/channel/$ref").asText().equals("#/channels/" + channelId);
    }

    private static List<String> cleanupPolicy(JsonNode channel) {
        return channel.at("/bindings/kafka/topicConfiguration").path("cleanup.policy").valueStream()
                .map(JsonNode::asText)
                .toList();
    }
}
