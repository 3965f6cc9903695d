package io.relance.kpi.messaging;

import io.relance.kpi.application.KpiNotReadyException;
import io.relance.kpi.application.Ledgers;
import io.relance.kpi.domain.CustomerLedger;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.Optional;

/** The ledgers of this instance's partitions, read from the {@value KpiStores#LEDGERS} store by interactive query. */
@ApplicationScoped
public class LedgerStore implements Ledgers {

    private final KafkaStreams streams;
    private final PartitionCopies copies;

    LedgerStore(KafkaStreams streams, PartitionCopies copies) {
        this.streams = streams;
        this.copies = copies;
    }

    @Override
    public Optional<CustomerLedger> find(String customerId) {
        try {
            return Optional.ofNullable(store().get(customerId));
        } catch (InvalidStateStoreException e) {
            throw notReady(e);
        }
    }

    private ReadOnlyKeyValueStore<String, CustomerLedger> store() {
        return streams.store(copies.<CustomerLedger>parameters(KpiStores.LEDGERS));
    }

    private KpiNotReadyException notReady(InvalidStateStoreException e) {
        return new KpiNotReadyException("the stream processor is " + streams.state(), e);
    }
}
