package io.relance.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The idempotent consumer: each event's effect is applied at most once, in one transaction with the record of
 * its id; the offset is acknowledged only after that transaction commits. A record that cannot be decoded, or
 * whose effect keeps failing for a reason other than an outage, goes to the dead-letter topic so the
 * partition keeps flowing; an outage of the database is retried until it ends.
 */
@Startup
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** The effect of one event, run inside the consumer's transaction. */
    @FunctionalInterface
    public interface Effect {
        Uni<Void> apply(Mutiny.Session session, RelanceEvent event);
    }

    /**
     * The effect of a batch of events, run inside one transaction: the events of one Kafka poll that this consumer
     * has not applied before, in record order (so each key's events keep their order), each id once.
     */
    @FunctionalInterface
    public interface BatchEffect {
        Uni<Void> apply(Mutiny.Session session, List<RelanceEvent> events);
    }

    /** The effect of a tombstone (a null value: the key was erased), run inside the consumer's transaction. */
    @FunctionalInterface
    public interface TombstoneEffect {
        Uni<Void> apply(Mutiny.Session session, String key);
    }

    private final EventDecoder decoder;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final DeliveryIdentity identity;
    private final DeliveryConfig config;
    private final MeterRegistry registry;
    private final Tracing tracing;

    Inbox(EventDecoder decoder, ProcessedEvents processed, DeadLetters deadLetters, DeliveryIdentity identity,
          DeliveryConfig config, MeterRegistry registry, Tracing tracing, Config channels) {
        this.decoder = decoder;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.identity = identity;
        this.config = config;
        this.registry = registry;
        this.tracing = tracing;
        registerConsumedCounters(channels);
    }

    /** Name of the counter of batches applied in one transaction or, rolled back, one record at a time. */
    public static final String BATCHES = "relance.inbox.batches";

    /** Counters for every type this service consumes exist from the start, at 0, so dashboards see them. */
    private void registerConsumedCounters(Config channels) {
        for (String property : channels.getPropertyNames()) {
            if (property.startsWith("mp.messaging.incoming.") && property.endsWith(".topic")) {
                String topic = channels.getValue(property, String.class);
                for (EventType type : EventType.values()) {
                    if (type.topic().equals(topic)) {
                        consumedCounter(type.ceType(), "applied");
                        consumedCounter(type.ceType(), "duplicate");
                    }
                }
                String channel = property.substring(0, property.length() - ".topic".length());
                if (channels.getOptionalValue(channel + ".batch", Boolean.class).orElse(false)) {
                    batchCounter(topic, "applied");
                    batchCounter(topic, "fallback");
                }
            }
        }
    }

    private Counter batchCounter(String topic, String outcome) {
        return Counter.builder(BATCHES)
                .description("Batches of records consumed: applied in one transaction, or rolled back and then "
                        + "applied one record at a time (fallback, the slow path)")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Handles a poll's records (a channel with {@code batch=true} whose values are read as {@code byte[]}) in one
     * transaction: their ids are recorded with one statement, the effect gets the events not applied before, and
     * the batch is acknowledged after the commit. Records that cannot be decoded are dead-lettered after it. If
     * the transaction fails for another reason than an outage (which is retried until it ends), the records are
     * handled one at a time as {@link #handle} does, with the batch effect applied to one event at a time: a
     * poison event is dead-lettered and the others are applied.
     */
    public Uni<Void> handleBatch(KafkaRecordBatch<?, byte[]> batch, BatchEffect effect) {
        return handleBatch(batch, effect, null);
    }

    /** As {@link #handleBatch(KafkaRecordBatch, BatchEffect)}, on a compacted topic whose tombstones have an effect. */
    public Uni<Void> handleBatch(KafkaRecordBatch<?, byte[]> batch, BatchEffect effect, TombstoneEffect tombstoneEffect) {
        List<? extends KafkaRecord<?, byte[]>> records = batch.getRecords();
        if (records.isEmpty()) {
            return Uni.createFrom().completionStage(batch.ack());
        }
        Effect single = (session, event) -> effect.apply(session, List.of(event));
        boolean tombstones = tombstoneEffect != null && records.stream().anyMatch(r -> r.getPayload() == null);
        String topic = records.get(0).getTopic();
        boolean oneTopic = records.stream().allMatch(r -> topic.equals(r.getTopic()));
        Uni<Void> work = tombstones || !oneTopic
                // Rare: a tombstone keeps its place among its key's events, and ids are recorded per topic.
                ? oneByOne(records, single, tombstoneEffect)
                : together(records, topic, effect)
                .invoke(() -> batchCounter(topic, "applied").increment())
                .onFailure().recoverWithUni(failure -> {
                    batchCounter(topic, "fallback").increment();
                    LOG.warnf("a batch of %d records of %s rolled back (%s); applying them one by one",
                            records.size(), topic, failure.toString());
                    return oneByOne(records, single, null);
                });
        return work.chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** A record of a batch, read: its event, or why it cannot be read. */
    private record Decoded(KafkaRecord<?, byte[]> record, IncomingKafkaRecordMetadata<?, ?> metadata,
                           RelanceEvent event, String undecodable) {
    }

    private Uni<Void> together(List<? extends KafkaRecord<?, byte[]>> records, String topic, BatchEffect effect) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        List<Context> contexts = new ArrayList<>(records.size());
        for (KafkaRecord<?, byte[]> record : records) {
            IncomingKafkaRecordMetadata<?, ?> metadata = metadata(record);
            contexts.add(received(record, metadata));
            try {
                decoded.add(new Decoded(record, metadata, decode(metadata, record.getPayload()), null));
            } catch (PoisonEventException e) {
                decoded.add(new Decoded(record, metadata, null, e.getMessage()));
            }
        }
        // The first copy of an id counts; later copies in the same batch are duplicates, as a redelivery would be.
        Map<UUID, RelanceEvent> firsts = new LinkedHashMap<>();
        List<RelanceEvent> repeated = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d.event() != null && firsts.putIfAbsent(d.event().eventId(), d.event()) != null) {
                repeated.add(d.event());
            }
        }
        String consumer = identity.consumerName(topic);
        // Built inside the span: Mutiny's callbacks restore the trace context current when they were assembled.
        Supplier<Uni<List<RelanceEvent>>> applied = () -> Panache.withTransaction(() ->
                Panache.getSession().chain(session -> processed.markAllProcessed(session, consumer,
                        List.copyOf(firsts.keySet())).chain(fresh -> {
                    List<RelanceEvent> toApply = firsts.values().stream()
                            .filter(event -> fresh.contains(event.eventId())).toList();
                    return toApply.isEmpty() ? Uni.createFrom().item(toApply)
                            : effect.apply(session, toApply).replaceWith(toApply);
                })))
                .onFailure(Failures::isOutage).invoke(e -> LOG.warnf("outage while applying a batch of %s, retrying: %s",
                        topic, e.toString()))
                .onFailure(Failures::isOutage).retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .indefinitely();
        return tracing.processing(contexts.get(0), contexts.subList(1, contexts.size()), topic,
                        identity.applicationName(), applied)
                .invoke(toApply -> {
                    Set<UUID> appliedIds = new HashSet<>();
                    toApply.forEach(event -> appliedIds.add(event.eventId()));
                    firsts.values().forEach(event -> consumed(event, appliedIds.contains(event.eventId())
                            ? "applied" : "duplicate"));
                    repeated.forEach(event -> consumed(event, "duplicate"));
                })
                .chain(() -> deadLetterUndecodable(decoded));
    }

    private Uni<Void> deadLetterUndecodable(List<Decoded> decoded) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Decoded d : decoded) {
            if (d.undecodable() != null) {
                chain = chain.chain(() -> deadLetter(d.record(), d.metadata(), DeadLetters.ReasonClass.UNDECODABLE,
                        d.undecodable()));
            }
        }
        return chain;
    }

    /** Each record in its own transaction, in order, as {@link #handle} would; the caller acknowledges the batch. */
    private Uni<Void> oneByOne(List<? extends KafkaRecord<?, byte[]>> records, Effect effect,
                               TombstoneEffect tombstoneEffect) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KafkaRecord<?, byte[]> record : records) {
            chain = chain.chain(() -> {
                IncomingKafkaRecordMetadata<?, ?> metadata = metadata(record);
                return tracing.processing(received(record, metadata), metadata.getTopic(), identity.applicationName(),
                        () -> settle(record, metadata, effect, tombstoneEffect));
            });
        }
        return chain;
    }

    private static IncomingKafkaRecordMetadata<?, ?> metadata(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Inbox handles Kafka records only"));
    }

    /** Handles one Kafka record of a channel whose values are read as {@code byte[]}. */
    public Uni<Void> handle(Message<byte[]> message, Effect effect) {
        return handle(message, effect, null);
    }

    /**
     * Handles one record of a compacted topic, where a null value (a tombstone) means the key was erased: the
     * tombstone's effect is applied once per tombstone id (its ce_id header), like an event's.
     */
    public Uni<Void> handle(Message<byte[]> message, Effect effect, TombstoneEffect tombstoneEffect) {
        IncomingKafkaRecordMetadata<?, ?> metadata = metadata(message);
        return tracing.processing(received(message, metadata), metadata.getTopic(), identity.applicationName(),
                () -> settle(message, metadata, effect, tombstoneEffect))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    /**
     * The trace the record continues: the context SmallRye Reactive Messaging extracted from its {@code traceparent}
     * header (with its receive span), or, when the channel does not trace, the header itself.
     */
    private static Context received(Message<?> message, IncomingKafkaRecordMetadata<?, ?> metadata) {
        return TracingMetadata.fromMessage(message)
                .map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> Tracing.context(EventDecoder.header(metadata.getHeaders(), Tracing.TRACEPARENT)));
    }

    /** Applies one record, or dead-letters it; the caller acknowledges it afterwards. */
    private Uni<Void> settle(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata, Effect effect,
                             TombstoneEffect tombstoneEffect) {
        if (tombstoneEffect != null && message.getPayload() == null) {
            return settleTombstone(message, metadata, tombstoneEffect);
        }
        RelanceEvent event;
        try {
            event = decode(metadata, message.getPayload());
        } catch (PoisonEventException e) {
            return deadLetter(message, metadata, DeadLetters.ReasonClass.UNDECODABLE, e.getMessage());
        }
        String consumer = identity.consumerName(metadata.getTopic());
        return retried(applyOnce(consumer, event.eventId(), session -> effect.apply(session, event)), event.eventId())
                .invoke(applied -> consumed(event, applied ? "applied" : "duplicate"))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> deadLetter(message, metadata, Failures.reasonClass(e), Failures.reason(e)));
    }

    private RelanceEvent decode(IncomingKafkaRecordMetadata<?, ?> metadata, byte[] payload) {
        Object key = metadata.getKey();
        return decoder.decode(metadata.getTopic(), key == null ? null : key.toString(), metadata.getHeaders(), payload);
    }

    private Uni<Void> settleTombstone(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata,
                                      TombstoneEffect effect) {
        Object key = metadata.getKey();
        String id = EventDecoder.header(metadata.getHeaders(), CloudEventHeaders.ID);
        if (key == null || id == null) {
            return deadLetter(message, metadata, DeadLetters.ReasonClass.UNDECODABLE,
                    "a tombstone needs a key and a ce_id header");
        }
        UUID tombstoneId;
        try {
            tombstoneId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return deadLetter(message, metadata, DeadLetters.ReasonClass.UNDECODABLE,
                    "tombstone ce_id is not a UUID: " + id);
        }
        String consumer = identity.consumerName(metadata.getTopic());
        return retried(applyOnce(consumer, tombstoneId, session -> effect.apply(session, key.toString())), tombstoneId)
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> deadLetter(message, metadata, Failures.reasonClass(e), Failures.reason(e)));
    }

    private void consumed(RelanceEvent event, String outcome) {
        consumedCounter(EventType.of(event.getClass()).ceType(), outcome).increment();
    }

    private Counter consumedCounter(String ceType, String outcome) {
        return Counter.builder("relance.events.consumed")
                .description("Events consumed, by type and outcome (applied, or duplicate: already applied)")
                .tag("type", ceType)
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Records the id and applies the effect in one transaction; false when the id was already applied. */
    private Uni<Boolean> applyOnce(String consumer, UUID id,
                                   Function<Mutiny.Session, Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                processed.markProcessed(session, consumer, id).chain(first -> first
                        ? effect.apply(session).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE))));
    }

    /** Retries an outage until it ends, any other failure but poison a few times; what still fails propagates. */
    private <T> Uni<T> retried(Uni<T> work, UUID id) {
        return work
                .onFailure(Failures::isOutage).invoke(e -> LOG.warnf("outage while applying %s, retrying: %s", id, e.toString()))
                .onFailure(Failures::isOutage).retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .onFailure(e -> !Failures.isPoison(e)).retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(Math.max(0, config.maxAttempts() - 1));
    }

    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata,
                                 DeadLetters.ReasonClass reasonClass, String reason) {
        return deadLetters.send(metadata, message.getPayload(), reasonClass, reason)
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely();
    }
}
