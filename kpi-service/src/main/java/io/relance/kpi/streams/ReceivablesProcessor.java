package io.relance.kpi.streams;

import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.invoice.InvoiceIssued;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Counts each event once into the receivables store. Records it cannot read are forwarded (to the dead-letter
 * sink) with the reason in a header; event types it does not count yet pass without effect.
 */
final class ReceivablesProcessor implements Processor<String, byte[], String, byte[]> {

    private static final Logger LOG = Logger.getLogger(ReceivablesProcessor.class);

    private final EventReader reader;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, String> receivables;

    ReceivablesProcessor(EventReader reader) {
        this.reader = reader;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.seen = context.getStateStore(KpiStores.SEEN_EVENTS);
        this.receivables = context.getStateStore(KpiStores.RECEIVABLES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        try {
            EventType type = reader.type(record.headers());
            RelanceEvent event = reader.read(type, record.value());
            String id = event.eventId().toString();
            if (seen.get(id) != null) {
                return;
            }
            seen.put(id, event.occurredAt().toEpochMilli());
            if (event instanceof InvoiceIssued issued) {
                add(issued.currency(), issued.amount());
            }
        } catch (EventReader.UnreadableEvent e) {
            LOG.warnf("dead-lettering %s: %s", record.key(), e.getMessage());
            record.headers().add(CloudEventHeaders.DEAD_LETTER_REASON, e.getMessage().getBytes(StandardCharsets.UTF_8));
            context.recordMetadata().ifPresent(meta -> {
                record.headers().add(CloudEventHeaders.DEAD_LETTER_TOPIC, meta.topic().getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.DEAD_LETTER_PARTITION,
                        Integer.toString(meta.partition()).getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.DEAD_LETTER_OFFSET,
                        Long.toString(meta.offset()).getBytes(StandardCharsets.UTF_8));
            });
            context.forward(record);
        }
    }

    private void add(String currency, BigDecimal amount) {
        String current = receivables.get(currency);
        BigDecimal total = current == null ? amount : new BigDecimal(current).add(amount);
        receivables.put(currency, total.toPlainString());
    }
}
