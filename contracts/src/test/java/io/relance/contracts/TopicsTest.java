package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicIsListedOnce() {
        assertThat(Topics.ALL).doesNotHaveDuplicates();
    }

    @Test
    void compactedAndDeadLetterTopicsAreContractTopics() {
        assertThat(Topics.ALL).containsAll(Topics.COMPACTED).containsAll(Topics.DEAD_LETTERS);
    }

    @Test
    void everyDeadLetterTopicIsNamedAfterItsService() {
        assertThat(Topics.DEAD_LETTERS)
                .allSatisfy(topic -> assertThat(topic).matches("^[a-z]+-service\\.dead-letters$"));
        assertThat(Topics.ALL).filteredOn(topic -> topic.endsWith(".dead-letters"))
                .containsExactlyInAnyOrderElementsOf(Topics.DEAD_LETTERS);
    }
}
