package io.relance.kpi.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an instance can serve correct, current figures, from what was observed of it: its stream processor
 * running (not starting, rebalancing or restoring), its broker answering (else the figures stop moving while
 * Kafka Streams, which retries, stays RUNNING), its stores answering queries, and every peer that holds part of
 * the ledgers able to serve its part (else every answer that needs it is a 503).
 */
public final class ReadinessRules {

    /** The only state in which the stores hold every event of the instance's partitions and can be queried. */
    public static final String RUNNING = "RUNNING";
    /** Partitions moving between instances: only copies held here, standby ones included, can still be read. */
    public static final String REBALANCING = "REBALANCING";

    /** What was seen of one instance, each failure as a short text, absent when that part is fine. */
    public record Local(String streamsState, Optional<String> brokerFailure, Optional<String> storesFailure) {
    }

    /** The decision and, when not ready, why: one reason a line. */
    public record Verdict(boolean ready, List<String> reasons) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private ReadinessRules() {
    }

    /** Whether this instance's own part is servable: what it answers its peers. */
    public static Verdict of(Local local) {
        List<String> reasons = new ArrayList<>();
        if (!RUNNING.equals(local.streamsState())) {
            reasons.add("the stream processor is " + local.streamsState() + ", not " + RUNNING);
        }
        local.brokerFailure().ifPresent(failure -> reasons.add("the Kafka broker does not answer: " + failure));
        local.storesFailure().ifPresent(failure -> reasons.add("the state stores cannot be queried: " + failure));
        return new Verdict(reasons.isEmpty(), reasons);
    }

    /**
     * Whether a request on this instance gets correct figures when it holds a caught-up copy of every partition and
     * reads them all itself: no peer matters, and a rebalance (a peer gone, or joining) does not stop the copies from
     * being read.
     */
    public static Verdict everyPartitionHere(Local local) {
        List<String> reasons = new ArrayList<>();
        if (!RUNNING.equals(local.streamsState()) && !REBALANCING.equals(local.streamsState())) {
            reasons.add("the stream processor is " + local.streamsState() + ", not " + RUNNING + " or " + REBALANCING);
        }
        local.brokerFailure().ifPresent(failure -> reasons.add("the Kafka broker does not answer: " + failure));
        local.storesFailure().ifPresent(failure -> reasons.add("the state stores cannot be queried: " + failure));
        return new Verdict(reasons.isEmpty(), reasons);
    }

    /**
     * Whether a request on this instance gets correct figures: its own part, and every peer's ({@code peers}: the
     * peer's address → why it cannot serve its part, empty when it can).
     */
    public static Verdict of(Local local, Map<String, Optional<String>> peers) {
        List<String> reasons = new ArrayList<>(of(local).reasons());
        peers.forEach((peer, failure) -> failure.ifPresent(why -> reasons.add("instance " + peer + ": " + why)));
        return new Verdict(reasons.isEmpty(), reasons);
    }
}
