package io.relance.kpi.messaging;

import io.relance.kpi.application.ReadinessRules;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Observes what {@link ReadinessRules} decides on. The broker is asked directly (a cluster description with a short
 * timeout, remembered for a moment so that frequent probes stay cheap): Kafka Streams stays RUNNING while it
 * retries a broker that is gone, so its state alone cannot tell.
 */
@ApplicationScoped
public class StreamsReadiness {

    private final KafkaStreams streams;
    private final PartitionCopies copies;
    private final StreamsPeers peers;
    private final String bootstrapServers;
    private final Duration brokerTimeout;
    private final long brokerCheckNanos;
    private Admin admin;
    private long brokerCheckedAt;
    private Optional<String> brokerFailure = Optional.of("not checked yet");

    StreamsReadiness(KafkaStreams streams, PartitionCopies copies, StreamsPeers peers,
                     @ConfigProperty(name = "quarkus.kafka-streams.bootstrap-servers") String bootstrapServers,
                     @ConfigProperty(name = "relance.kpi.readiness.broker-timeout") Duration brokerTimeout,
                     @ConfigProperty(name = "relance.kpi.readiness.broker-check-interval") Duration brokerCheckInterval) {
        this.streams = streams;
        this.copies = copies;
        this.peers = peers;
        this.bootstrapServers = bootstrapServers;
        this.brokerTimeout = brokerTimeout;
        this.brokerCheckNanos = brokerCheckInterval.toNanos();
    }

    /** Whether this instance's own part can be served: what it answers its peers. */
    public ReadinessRules.Verdict local() {
        return ReadinessRules.of(observeLocal());
    }

    /** Whether a request on this instance gets correct figures, its peers' parts included. */
    public ReadinessRules.Verdict whole() {
        if (copies.readsEveryPartitionHere()) {
            return ReadinessRules.everyPartitionHere(observeLocal(true));
        }
        ReadinessRules.Local local = observeLocal();
        // Peers are known from the Streams metadata, which only a running instance has in full.
        if (!ReadinessRules.RUNNING.equals(local.streamsState())) {
            return ReadinessRules.of(local);
        }
        return ReadinessRules.of(local, peers.statuses());
    }

    private ReadinessRules.Local observeLocal() {
        return observeLocal(false);
    }

    /** {@code everyCopy}: the stores are read as a query reading every partition here reads them, standby copies too. */
    private ReadinessRules.Local observeLocal(boolean everyCopy) {
        KafkaStreams.State state = streams.state();
        boolean queryable = state == KafkaStreams.State.RUNNING || (everyCopy && state == KafkaStreams.State.REBALANCING);
        Optional<String> stores = queryable ? storesFailure(everyCopy) : Optional.empty();
        return new ReadinessRules.Local(state.name(), brokerFailure(), stores);
    }

    /** Reading the entry count touches every local store of both kinds the queries read. */
    private Optional<String> storesFailure(boolean everyCopy) {
        try {
            for (String name : new String[]{KpiStores.LEDGERS, KpiStores.DAY_SUMS}) {
                StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> parameters =
                        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
                streams.store(everyCopy ? parameters.enableStaleStores() : parameters).approximateNumEntries();
            }
            return Optional.empty();
        } catch (InvalidStateStoreException e) {
            return Optional.of(e.getMessage());
        }
    }

    private synchronized Optional<String> brokerFailure() {
        long now = System.nanoTime();
        if (brokerCheckedAt != 0 && now - brokerCheckedAt < brokerCheckNanos) {
            return brokerFailure;
        }
        brokerFailure = askBroker();
        brokerCheckedAt = System.nanoTime();
        return brokerFailure;
    }

    private Optional<String> askBroker() {
        long timeoutMs = brokerTimeout.toMillis();
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .clusterId().get(timeoutMs + 500, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private Admin admin() {
        if (admin == null) {
            int timeoutMs = (int) brokerTimeout.toMillis();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "kpi-service-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
