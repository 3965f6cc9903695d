package io.relance.kpi.messaging;

import io.relance.kpi.application.DailySums;
import io.relance.kpi.application.KpiNotReadyException;
import io.relance.kpi.domain.DaySums;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The day sums of this instance's partitions, read from the {@value KpiStores#DAY_SUMS} store by interactive query. */
@ApplicationScoped
public class DaySumsStore implements DailySums {

    private final KafkaStreams streams;
    private final PartitionCopies copies;

    DaySumsStore(KafkaStreams streams, PartitionCopies copies) {
        this.streams = streams;
        this.copies = copies;
    }

    @Override
    public void forEach(Day action) {
        try (KeyValueIterator<String, DaySums> all = store().all()) {
            forEach(all, action);
        } catch (InvalidStateStoreException e) {
            throw new KpiNotReadyException("the stream processor is " + streams.state(), e);
        }
    }

    static void forEach(KeyValueIterator<String, DaySums> all, Day action) {
        while (all.hasNext()) {
            KeyValue<String, DaySums> entry = all.next();
            String[] key = DayKeys.parse(entry.key);
            action.accept(key[0], key[1], DayKeys.day(key), entry.value);
        }
    }

    private ReadOnlyKeyValueStore<String, DaySums> store() {
        return streams.store(copies.<DaySums>parameters(KpiStores.DAY_SUMS));
    }
}
