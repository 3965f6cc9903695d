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
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.function.Function;

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
            }
        }
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
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Inbox handles Kafka records only"));
        return tracing.processing(received(message, metadata), metadata.getTopic(), identity.applicationName(),
                () -> process(message, metadata, effect, tombstoneEffect));
    }

    /**
     * The trace the record continues: the context SmallRye Reactive Messaging extracted from its {@code traceparent}
     * header (with its receive span), or, when the channel does not trace, the header itself.
     */
    private static Context received(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata) {
        return TracingMetadata.fromMessage(message)
                .map(TracingMetadata::getCurrentContext)
                .filter(context -> Span.fromContext(context).getSpanContext().isValid())
                .orElseGet(() -> Tracing.context(EventDecoder.header(metadata.getHeaders(), Tracing.TRACEPARENT)));
    }

    private Uni<Void> process(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata, Effect effect,
                              TombstoneEffect tombstoneEffect) {
        if (tombstoneEffect != null && message.getPayload() == null) {
            return handleTombstone(message, metadata, tombstoneEffect);
        }
        RelanceEvent event;
        try {
            Object key = metadata.getKey();
            event = decoder.decode(metadata.getTopic(), key == null ? null : key.toString(), metadata.getHeaders(),
                    message.getPayload());
        } catch (PoisonEventException e) {
            return deadLetter(message, metadata, DeadLetters.ReasonClass.UNDECODABLE, e.getMessage());
        }
        String consumer = identity.consumerName(metadata.getTopic());
        return retried(applyOnce(consumer, event.eventId(), session -> effect.apply(session, event)), event.eventId())
                .invoke(applied -> consumed(event, applied ? "applied" : "duplicate"))
                .onItem().transformToUni(applied -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> deadLetter(message, metadata, Failures.reasonClass(e), Failures.reason(e)));
    }

    private Uni<Void> handleTombstone(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata,
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
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
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
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
