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

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;

/**
 * The day and month sums of this instance's partitions, read from the {@value KpiStores#DAY_SUMS} store by
 * interactive query, one range scan at a time (each over every local partition).
 */
@ApplicationScoped
public class DaySumsStore implements DailySums {

    private final KafkaStreams streams;
    private final PartitionCopies copies;

    DaySumsStore(KafkaStreams streams, PartitionCopies copies) {
        this.streams = streams;
        this.copies = copies;
    }

    @Override
    public void months(String currency, YearMonth to, Month action) {
        read(store -> months(store, currency, to, action));
    }

    @Override
    public void days(String currency, LocalDate from, LocalDate to, Day action) {
        read(store -> days(store, currency, from, to, action));
    }

    @Override
    public void revenueDays(String currency, YearMonth month, Day action) {
        read(store -> revenueDays(store, currency, month, action));
    }

    /** One range scan on the store; a store that cannot be queried (starting, rebalancing) is a 503. */
    private void read(Consumer<ReadOnlyKeyValueStore<String, DaySums>> scan) {
        try {
            scan.accept(streams.store(copies.<DaySums>parameters(KpiStores.DAY_SUMS)));
        } catch (InvalidStateStoreException e) {
            throw new KpiNotReadyException("the stream processor is " + streams.state(), e);
        }
    }

    static void revenueDays(ReadOnlyKeyValueStore<String, DaySums> store, String currency, YearMonth month, Day action) {
        try (KeyValueIterator<String, DaySums> range = store.range(DayKeys.revenueFrom(currency, month),
                DayKeys.revenueTo(currency, month))) {
            while (range.hasNext()) {
                KeyValue<String, DaySums> entry = range.next();
                String[] key = DayKeys.parse(entry.key);
                entry.value.later().forEach((day, invoicing) -> action.accept(key[3], key[1], day, invoicing));
            }
        }
    }

    static void months(ReadOnlyKeyValueStore<String, DaySums> store, String currency, YearMonth to, Month action) {
        try (KeyValueIterator<String, DaySums> range = store.range(DayKeys.monthFrom(currency), DayKeys.monthTo(currency, to))) {
            while (range.hasNext()) {
                KeyValue<String, DaySums> entry = range.next();
                String[] key = DayKeys.parse(entry.key);
                YearMonth month = DayKeys.month(key);
                if (!month.isAfter(to)) {
                    action.accept(key[3], key[1], month, entry.value);
                }
            }
        }
    }

    static void days(ReadOnlyKeyValueStore<String, DaySums> store, String currency, LocalDate from, LocalDate to, Day action) {
        try (KeyValueIterator<String, DaySums> range = store.range(DayKeys.dayFrom(currency, from), DayKeys.dayTo(currency, to))) {
            while (range.hasNext()) {
                KeyValue<String, DaySums> entry = range.next();
                String[] key = DayKeys.parse(entry.key);
                action.accept(key[3], key[1], DayKeys.day(key), entry.value);
            }
        }
    }
}
