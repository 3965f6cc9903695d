package io.relance.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.relance.contracts.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends a record this service cannot process to its dead-letter topic, unchanged, with the reason in headers. */
@Startup
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LENGTH = 1000;

    private final KafkaPublisher publisher;
    private final DeliveryIdentity identity;
    private final Counter deadLettered;

    DeadLetters(KafkaPublisher publisher, DeliveryIdentity identity, MeterRegistry registry) {
        this.publisher = publisher;
        this.identity = identity;
        // Registered up front so that the alert on it sees 0 rather than no series before the first dead letter.
        this.deadLettered = Counter.builder("relance.dead.letters")
                .description("Records sent to this service's dead-letter topic").register(registry);
    }

    /**
     * Completes once the dead-letter topic has the record, back on the caller's Vert.x context (the producer
     * completes on its own thread, where a caller's next transaction could not run).
     */
    public Uni<Void> send(IncomingKafkaRecordMetadata<?, ?> source, byte[] payload, String reason) {
        String shortReason = reason == null ? "unknown" : reason.length() > MAX_REASON_LENGTH
                ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        RecordHeaders headers = new RecordHeaders();
        if (source.getHeaders() != null) {
            for (Header header : source.getHeaders()) {
                headers.add(header);
            }
        }
        add(headers, CloudEventHeaders.DEAD_LETTER_REASON, shortReason);
        add(headers, CloudEventHeaders.DEAD_LETTER_TOPIC, source.getTopic());
        add(headers, CloudEventHeaders.DEAD_LETTER_PARTITION, Integer.toString(source.getPartition()));
        add(headers, CloudEventHeaders.DEAD_LETTER_OFFSET, Long.toString(source.getOffset()));
        Object key = source.getKey();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(identity.deadLetterTopic(), null,
                key == null ? null : key.toString(), payload, headers);
        Context caller = Vertx.currentContext();
        return publisher.publish(List.of(record))
                .invoke(() -> {
                    LOG.warnf("dead-lettered %s-%d@%d: %s", source.getTopic(), source.getPartition(), source.getOffset(), shortReason);
                    deadLettered.increment();
                })
                .emitOn(caller == null ? Runnable::run : task -> caller.runOnContext(ignored -> task.run()));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
