package io.relance.kpi.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which copies of the stores a query reads. With standby replicas ({@code num.standby.replicas}), an instance can
 * hold a copy of every partition: its own active ones, and standby copies of its peers' kept up to date from the
 * changelogs. It then answers from them alone, and a peer that is killed, frozen or rebalancing changes nothing for
 * its readers. A standby copy counts only within {@code relance.kpi.standby.max-lag} records of its changelog's end.
 * While some partition has no such copy here, a query reads this instance's active partitions and asks each peer
 * for its active ones, and a peer is always answered from the active partitions alone, so no part counts twice.
 * One query keeps one decision throughout ({@link #consistently}), whatever the copies do meanwhile.
 */
@ApplicationScoped
public class PartitionCopies {

    private static final Logger LOG = Logger.getLogger(PartitionCopies.class);
    private static final ThreadLocal<Boolean> EVERY_PARTITION_HERE = new ThreadLocal<>();

    /** What the last look at the changelog lags found; {@code atNanos} 0 before the first. */
    private record Lags(long atNanos, Set<Integer> caughtUp) {
    }

    private final KafkaStreams streams;
    private final long maxLag;
    private final long lagsValidNanos;
    private volatile Lags lags = new Lags(0, Set.of());
    /** The most partitions ever seen assigned: a partition missing from an assignment is still one to hold. */
    private volatile int partitions;

    PartitionCopies(KafkaStreams streams,
                    @ConfigProperty(name = "relance.kpi.standby.max-lag") long maxLag,
                    @ConfigProperty(name = "relance.kpi.standby.lag-valid-for") Duration lagsValidFor) {
        this.streams = streams;
        this.maxLag = maxLag;
        this.lagsValidNanos = lagsValidFor.toNanos();
    }

    /**
     * The lags ask the broker for the changelogs' ends (it can take the admin client's whole timeout when the
     * broker is gone), so they are looked at here in the background, never on a query's path.
     */
    @Scheduled(every = "${relance.kpi.standby.lag-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void lookAtLags() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            return;
        }
        try {
            Map<String, Map<Integer, LagInfo>> all = streams.allLocalStorePartitionLags();
            Set<Integer> caughtUp = caughtUp(all.get(KpiStores.LEDGERS));
            caughtUp.retainAll(caughtUp(all.get(KpiStores.DAY_SUMS)));
            lags = new Lags(System.nanoTime(), caughtUp);
        } catch (StreamsException | IllegalStateException e) {
            LOG.debugf("changelog lags not known this time: %s", e.getMessage());
        }
    }

    private Set<Integer> caughtUp(Map<Integer, LagInfo> byPartition) {
        Set<Integer> caughtUp = new TreeSet<>();
        if (byPartition != null) {
            byPartition.forEach((partition, lag) -> {
                if (lag.offsetLag() <= maxLag) {
                    caughtUp.add(partition);
                }
            });
        }
        return caughtUp;
    }

    /** Runs one query with one decision about where each partition is read; nested calls keep the outer one. */
    public <T> T consistently(Supplier<T> query) {
        if (EVERY_PARTITION_HERE.get() != null) {
            return query.get();
        }
        EVERY_PARTITION_HERE.set(everyPartitionHere());
        try {
            return query.get();
        } finally {
            EVERY_PARTITION_HERE.remove();
        }
    }

    /** Runs what a peer asked for: read from this instance's active partitions alone. */
    public <T> T activeOnly(Supplier<T> read) {
        Boolean outer = EVERY_PARTITION_HERE.get();
        EVERY_PARTITION_HERE.set(false);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                EVERY_PARTITION_HERE.remove();
            } else {
                EVERY_PARTITION_HERE.set(outer);
            }
        }
    }

    /** Whether this query reads every partition here (decided once per query, else asked now). */
    public boolean readsEveryPartitionHere() {
        Boolean decided = EVERY_PARTITION_HERE.get();
        return decided != null ? decided : everyPartitionHere();
    }

    /** How a query reads one of the stores: every local copy, or the active partitions alone. */
    <V> StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters(String store) {
        StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> active =
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
        return readsEveryPartitionHere() ? active.enableStaleStores() : active;
    }

    /**
     * Every partition of the application has a copy here (the assignment, read locally at each call) that was
     * caught up at the last look at the lags, and that look is recent.
     */
    private boolean everyPartitionHere() {
        Lags last = lags;
        if (last.atNanos() == 0 || System.nanoTime() - last.atNanos() > lagsValidNanos) {
            return false;
        }
        try {
            int seen = partitions;
            for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
                for (var partition : client.topicPartitions()) {
                    seen = Math.max(seen, partition.partition() + 1);
                }
            }
            partitions = seen;
            Set<Integer> here = new TreeSet<>();
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    here.add(task.taskId().partition());
                }
                for (TaskMetadata task : thread.standbyTasks()) {
                    here.add(task.taskId().partition());
                }
            }
            here.retainAll(last.caughtUp());
            for (int partition = 0; partition < seen; partition++) {
                if (!here.contains(partition)) {
                    return false;
                }
            }
            return seen > 0;
        } catch (StreamsException | IllegalStateException e) {
            return false;
        }
    }
}
