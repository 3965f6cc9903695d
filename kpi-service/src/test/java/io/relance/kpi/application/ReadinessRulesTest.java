package io.relance.kpi.application;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessRulesTest {

    private static final ReadinessRules.Local HEALTHY = new ReadinessRules.Local("RUNNING", Optional.empty(), Optional.empty());

    @Test
    void aRunningInstanceWhoseBrokerAndStoresAnswerIsReady() {
        assertThat(ReadinessRules.of(HEALTHY)).isEqualTo(new ReadinessRules.Verdict(true, List.of()));
        assertThat(ReadinessRules.of(HEALTHY, Map.of("10.0.0.2:8084", Optional.empty())).ready()).isTrue();
    }

    @Test
    void aRunningInstanceWhoseBrokerDoesNotAnswerIsNotReady() {
        ReadinessRules.Verdict verdict = ReadinessRules.of(
                new ReadinessRules.Local("RUNNING", Optional.of("no answer within 1000 ms"), Optional.empty()));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reasons()).containsExactly("the Kafka broker does not answer: no answer within 1000 ms");
    }

    @Test
    void everyStateButRunningIsNotReadyEvenWithTheBrokerAnswering() {
        for (String state : new String[]{"CREATED", "REBALANCING", "PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"}) {
            ReadinessRules.Verdict verdict = ReadinessRules.of(new ReadinessRules.Local(state, Optional.empty(), Optional.empty()));

            assertThat(verdict.ready()).as(state).isFalse();
            assertThat(verdict.reasons()).as(state).containsExactly("the stream processor is " + state + ", not RUNNING");
        }
    }

    @Test
    void storesThatCannotBeQueriedMakeARunningInstanceNotReady() {
        ReadinessRules.Verdict verdict = ReadinessRules.of(
                new ReadinessRules.Local("RUNNING", Optional.empty(), Optional.of("store customer-ledgers migrated")));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reasons()).containsExactly("the state stores cannot be queried: store customer-ledgers migrated");
    }

    @Test
    void onePeerThatCannotServeItsPartMakesEveryAnswerWrongSoTheInstanceIsNotReady() {
        Map<String, Optional<String>> peers = new LinkedHashMap<>();
        peers.put("10.0.0.2:8084", Optional.empty());
        peers.put("10.0.0.3:8084", Optional.of("did not answer: connection refused"));

        ReadinessRules.Verdict verdict = ReadinessRules.of(HEALTHY, peers);

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.reasons()).containsExactly("instance 10.0.0.3:8084: did not answer: connection refused");
    }

    @Test
    void everyReasonIsGivenNotOnlyTheFirst() {
        ReadinessRules.Verdict verdict = ReadinessRules.of(
                new ReadinessRules.Local("REBALANCING", Optional.of("timed out"), Optional.empty()),
                Map.of("10.0.0.3:8084", Optional.of("answered 503")));

        assertThat(verdict.reasons()).containsExactly("the stream processor is REBALANCING, not RUNNING",
                "the Kafka broker does not answer: timed out", "instance 10.0.0.3:8084: answered 503");
    }

    @Test
    void anInstanceHoldingEveryPartitionStaysReadyWhileTheyMoveBetweenInstancesButNotWhenStoppedOrCutOffFromItsBroker() {
        ReadinessRules.Verdict rebalancing = ReadinessRules.everyPartitionHere(
                new ReadinessRules.Local("REBALANCING", Optional.empty(), Optional.empty()));
        ReadinessRules.Verdict withoutBroker = ReadinessRules.everyPartitionHere(
                new ReadinessRules.Local("REBALANCING", Optional.of("no answer within 1000 ms"), Optional.empty()));
        ReadinessRules.Verdict storesGone = ReadinessRules.everyPartitionHere(
                new ReadinessRules.Local("RUNNING", Optional.empty(), Optional.of("store kpi-day-sums closed")));

        assertThat(ReadinessRules.everyPartitionHere(HEALTHY).ready()).isTrue();
        assertThat(rebalancing.ready()).isTrue();
        assertThat(withoutBroker.reasons()).containsExactly("the Kafka broker does not answer: no answer within 1000 ms");
        assertThat(storesGone.reasons()).containsExactly("the state stores cannot be queried: store kpi-day-sums closed");
        for (String state : new String[]{"CREATED", "PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"}) {
            assertThat(ReadinessRules.everyPartitionHere(new ReadinessRules.Local(state, Optional.empty(), Optional.empty())).reasons())
                    .as(state).containsExactly("the stream processor is " + state + ", not RUNNING or REBALANCING");
        }
    }
}
