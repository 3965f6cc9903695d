package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.relance.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;

/**
 * The KPI topology: every business event topic in, one ledger per customer out. All topics are keyed by customer
 * and partitioned alike, so one task owns every fact of a customer: deduplication by event id stays local and
 * exactly-once, and nothing is repartitioned. Each ledger change also updates the sums per segment, currency and
 * business day that the figures are read from.
 */
@ApplicationScoped
public class KpiTopology {

    /** Every topic whose events change a figure. */
    public static final List<String> SOURCES = List.of(Topics.INVOICE_EVENTS, Topics.PAYMENT_EVENTS,
            Topics.DUNNING_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.CUSTOMER_PROFILES);

    /** Day sums kept as objects per stream task (about 500 bytes each): the days and months being written. */
    private static final int DAY_SUMS_OBJECTS = 10_000;
    /** Ledgers kept as objects per stream task (a few KB each): the customers being written. */
    private static final int LEDGER_OBJECTS = 1_000;

    private final ObjectMapper mapper;
    private final Duration seenEventsRetention;
    private final MeterRegistry registry;
    private final Tracer tracer;

    KpiTopology(ObjectMapper mapper, @ConfigProperty(name = "relance.kpi.seen-events.retention") Duration seenEventsRetention,
                MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.mapper = mapper;
        this.seenEventsRetention = seenEventsRetention;
        this.registry = registry;
        this.tracer = openTelemetry.getTracer("io.relance.kpi");
    }

    @Produces
    public Topology topology() {
        return build(mapper, seenEventsRetention, registry, tracer);
    }

    /**
     * The topology; event ids are remembered for {@code seenEventsRetention} of business time; each record is
     * processed in a span of the trace its {@code traceparent} header carries.
     */
    public static Topology build(ObjectMapper mapper, Duration seenEventsRetention, MeterRegistry registry, Tracer tracer) {
        StreamMetrics metrics = new StreamMetrics(registry);
        StreamsBuilder builder = new StreamsBuilder();
        // Windows of one millisecond at the event's occurredAt: a duplicate (same id, same occurredAt) is an exact hit.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(KpiStores.SEEN_EVENTS,
                seenEventsRetention, Duration.ofMillis(1), false), Serdes.String(), Serdes.Long()));
        // Cached and kept as objects between commits: a busy customer's ledger and today's day sums change with many
        // events between two commits, only their last value is written at each commit, and queries read both stores
        // as of the same commit.
        builder.addStateStore(ObjectCachingStore.on(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(KpiStores.LEDGERS), Serdes.String(), new LedgerSerde()), LEDGER_OBJECTS)
                .withCachingEnabled());
        // Day sums as objects between commits: about ten of them change with every event, most of them the same ones.
        builder.addStateStore(ObjectCachingStore.on(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(KpiStores.DAY_SUMS), Serdes.String(), new DaySumsSerde()), DAY_SUMS_OBJECTS)
                .withCachingEnabled());
        builder.stream(SOURCES, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new LedgerProcessor(new EventReader(mapper), metrics, new RecordTracing(tracer)), KpiStores.SEEN_EVENTS, KpiStores.LEDGERS,
                        KpiStores.DAY_SUMS)
                .to(Topics.KPI_SERVICE_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
