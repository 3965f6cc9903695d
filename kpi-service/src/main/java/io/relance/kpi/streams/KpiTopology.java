package io.relance.kpi.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The KPI topology: business events in, state stores out. Records keep their partition (keyed by customer), so
 * deduplication by event id is local and exactly-once; totals are summed over partitions when read.
 */
@ApplicationScoped
public class KpiTopology {

    private final ObjectMapper mapper;

    KpiTopology(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Produces
    public Topology topology() {
        return build(mapper);
    }

    static Topology build(ObjectMapper mapper) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(KpiStores.SEEN_EVENTS), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(KpiStores.RECEIVABLES), Serdes.String(), Serdes.String()));
        builder.stream(Topics.INVOICE_EVENTS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new ReceivablesProcessor(new EventReader(mapper)), KpiStores.SEEN_EVENTS, KpiStores.RECEIVABLES)
                .to(Topics.KPI_SERVICE_DEAD_LETTERS, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }
}
