package io.relance.kpi.messaging;

import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DaySums;
import io.relance.kpi.domain.KpiContributions;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies each event once to its customer's ledger, and what that changes to the day sums. Records it cannot read are forwarded (to the dead-letter sink)
 * with the reason in headers; a tombstone on {@code customer-profiles} erases the customer's segment.
 */
final class LedgerProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(LedgerProcessor.class);

    private final EventReader reader;
    private final StreamMetrics metrics;
    private final RecordTracing tracing;
    private ProcessorContext<String, byte[]> context;
    private WindowStore<String, Long> seen;
    private ObjectCachingStore<CustomerLedger> ledgers;
    private ObjectCachingStore<DaySums> daySums;

    LedgerProcessor(EventReader reader, StreamMetrics metrics, RecordTracing tracing) {
        this.reader = reader;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.seen = context.getStateStore(KpiStores.SEEN_EVENTS);
        this.ledgers = ObjectCachingStore.of(context.getStateStore(KpiStores.LEDGERS));
        this.daySums = ObjectCachingStore.of(context.getStateStore(KpiStores.DAY_SUMS));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        tracing.process(record, metadata.map(RecordMetadata::topic).orElse(""), () -> apply(record, metadata));
    }

    private void apply(Record<String, byte[]> record, Optional<RecordMetadata> metadata) {
        try {
            if (record.value() == null) {
                erase(record, metadata.map(RecordMetadata::topic).orElse(""));
                return;
            }
            EventType type = reader.type(record.headers());
            RelanceEvent event = reader.read(type, record.value());
            if (!event.customerId().equals(record.key())) {
                // Keyed by anything else, its facts would land on another customer's partition and store.
                throw new EventReader.UnreadableEvent("record key '" + record.key() + "' is not the event's customerId");
            }
            String id = event.eventId().toString();
            long occurredAt = event.occurredAt().toEpochMilli();
            if (seen.fetch(id, occurredAt) != null) {
                metrics.duplicate(type);
                return;
            }
            seen.put(id, occurredAt, occurredAt);
            CustomerLedger before = ledgers.find(event.customerId());
            save(before, LedgerEvents.apply(before == null ? CustomerLedger.empty(event.customerId()) : before.copy(), event));
            metrics.applied(type);
        } catch (EventReader.UnreadableEvent e) {
            deadLetter(record, metadata, e.getMessage());
        }
    }

    private void erase(Record<String, byte[]> record, String topic) {
        if (!Topics.CUSTOMER_PROFILES.equals(topic)) {
            throw new EventReader.UnreadableEvent("a record without value is only meaningful on " + Topics.CUSTOMER_PROFILES);
        }
        if (record.key() == null) {
            throw new EventReader.UnreadableEvent("a tombstone needs the customer id as key");
        }
        CustomerLedger ledger = ledgers.find(record.key());
        if (ledger != null) {
            save(ledger, ledger.withSegment(null));
        }
    }

    /**
     * Stores the ledger and moves the day and month sums by what changed: the old part taken off, the new one
     * added, each month by the changes of its days; and the month's invoicing per issue day when it changed.
     */
    private void save(CustomerLedger before, CustomerLedger after) {
        ledgers.save(after.customerId(), after);
        Map<String, DaySums> months = new HashMap<>();
        KpiContributions.change(before, after).forEach((day, change) -> {
            add(DayKeys.day(day), change);
            months.merge(DayKeys.month(day), change, (a, b) -> new DaySums().add(a, 1).add(b, 1));
            long issued = change.count(DaySums.Count.INVOICES_ISSUED);
            if (issued != 0 || change.money(DaySums.Money.REVENUE).signum() != 0) {
                // The count-back DSO reads one month's issue days: kept apart, each under later(day), read in one go.
                DaySums invoicing = new DaySums();
                invoicing.countedFrom(day.day()).add(DaySums.Money.REVENUE, change.money(DaySums.Money.REVENUE))
                        .add(DaySums.Count.INVOICES_ISSUED, issued);
                months.merge(DayKeys.revenue(day), invoicing, (a, b) -> new DaySums().add(a, 1).add(b, 1));
            }
        });
        months.forEach(this::add);
    }

    private void add(String key, DaySums change) {
        DaySums sums = daySums.find(key);
        // A fresh object when there is none: the change itself may be added to another key too.
        sums = (sums == null ? new DaySums() : sums).add(change, 1);
        if (sums.isZero()) {
            daySums.remove(key);
        } else {
            daySums.save(key, sums);
        }
    }

    private void deadLetter(Record<String, byte[]> record, Optional<RecordMetadata> metadata, String reason) {
        LOG.warnf("dead-lettering %s: %s", record.key(), reason);
        metrics.undecodable();
        record.headers().add(CloudEventHeaders.DEAD_LETTER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        metadata.ifPresent(meta -> {
            record.headers().add(CloudEventHeaders.DEAD_LETTER_TOPIC, meta.topic().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.DEAD_LETTER_PARTITION,
                    Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEventHeaders.DEAD_LETTER_OFFSET,
                    Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
        });
        context.forward(record);
    }
}
