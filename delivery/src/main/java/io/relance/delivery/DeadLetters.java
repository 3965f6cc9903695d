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
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sends a record this service cannot process to its dead-letter topic, unchanged, with the reason in headers. */
@Startup
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON_LENGTH = 1000;

    /** Why a record was dead-lettered, as a class: the {@code reason} tag of {@code relance_dead_letters_total}. */
    public enum ReasonClass {
        /** The record cannot be read as what its topic carries (headers, JSON, schema, key). */
        UNDECODABLE,
        /** The record was read, and the service refused it: it can never be applied as it is. */
        REJECTED,
        /** Applying it kept failing for another reason than an outage, until the attempts ran out. */
        FAILED
    }

    private final KafkaPublisher publisher;
    private final DeliveryIdentity identity;
    private final Map<ReasonClass, Counter> deadLettered = new EnumMap<>(ReasonClass.class);

    DeadLetters(KafkaPublisher publisher, DeliveryIdentity identity, MeterRegistry registry) {
        this.publisher = publisher;
        this.identity = identity;
        // Registered up front so that the alert on it sees 0 rather than no series before the first dead letter.
        for (ReasonClass reasonClass : ReasonClass.values()) {
            deadLettered.put(reasonClass, Counter.builder("relance.dead.letters")
                    .description("Records sent to this service's dead-letter topic, per class of reason")
                    .tag("reason", reasonClass.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** Dead-letters a record the service refused ({@link ReasonClass#REJECTED}). */
    public Uni<Void> send(IncomingKafkaRecordMetadata<?, ?> source, byte[] payload, String reason) {
        return send(source, payload, ReasonClass.REJECTED, reason);
    }

    /**
     * Completes once the dead-letter topic has the record, back on the caller's Vert.x context (the producer
     * completes on its own thread, where a caller's next transaction could not run).
     */
    public Uni<Void> send(IncomingKafkaRecordMetadata<?, ?> source, byte[] payload, ReasonClass reasonClass,
                          String reason) {
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
                    deadLettered.get(reasonClass).increment();
                })
                .emitOn(caller == null ? Runnable::run : task -> caller.runOnContext(ignored -> task.run()));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
