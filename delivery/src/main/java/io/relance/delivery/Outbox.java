package io.relance.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: an event is stored in the same transaction as the state change that causes it,
 * and {@link OutboxRelay} publishes it to Kafka once that transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, lane, topic, record_key, ce_type, ce_source, occurred_at, payload, traceparent)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""";

    private static final String INSERT_ALL = """
            INSERT INTO outbox_event (event_id, lane, topic, record_key, ce_type, ce_source, occurred_at, payload, traceparent)
            SELECT e.event_id, e.lane, e.topic, e.record_key, e.ce_type, ?6, e.occurred_at, e.payload, e.traceparent
            FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS smallint[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]),
                        CAST(CAST(?7 AS text[]) AS timestamptz[]), CAST(?8 AS text[]), CAST(?9 AS text[]))
                 WITH ORDINALITY AS e(event_id, lane, topic, record_key, ce_type, occurred_at, payload, traceparent, position)
            ORDER BY e.position""";

    /** The ce_type column of a tombstone row; never published as a header, since a tombstone is no event. */
    static final String TOMBSTONE = "tombstone";

    private final ObjectMapper mapper;
    private final DeliveryIdentity identity;

    Outbox(ObjectMapper mapper, DeliveryIdentity identity) {
        this.mapper = mapper;
        this.identity = identity;
    }

    /** Stores the event in the caller's transaction, which must be open on {@code session}. */
    public Uni<Void> append(Mutiny.Session session, RelanceEvent event) {
        return append(session, event, Tracing.currentTraceparent());
    }

    /**
     * The traceparent of the current request or event, for work that another request will write to the outbox on
     * its behalf (several requests committed in one transaction): each event stays in the trace that caused it.
     */
    public static String currentTraceparent() {
        return Tracing.currentTraceparent();
    }

    /** Stores the event, as part of the trace {@code traceparent} (null: of none), in the caller's transaction. */
    public Uni<Void> append(Mutiny.Session session, RelanceEvent event, String traceparent) {
        if (session.currentTransaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "outbox append outside a transaction: the event would not be atomic with its state change"));
        }
        if (event.eventId() == null || event.occurredAt() == null || event.customerId() == null || event.customerId().isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "an event needs eventId, occurredAt and customerId: " + event));
        }
        EventType type = EventType.of(event.getClass());
        return session.createNativeQuery(INSERT)
                .setParameter(1, event.eventId())
                .setParameter(2, OutboxLanes.of(event.customerId()))
                .setParameter(3, type.topic())
                .setParameter(4, event.customerId())
                .setParameter(5, type.ceType())
                .setParameter(6, identity.source())
                .setParameter(7, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .setParameter(8, serialize(event))
                .setParameter(9, traceparent)
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Stores a tombstone for {@code key} on a compacted topic in the caller's transaction: the relay publishes a
     * record with a null value, so compaction erases every earlier record of that key (GDPR erasure).
     */
    public Uni<Void> appendTombstone(Mutiny.Session session, String topic, String key, Instant occurredAt) {
        if (session.currentTransaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "outbox append outside a transaction: the tombstone would not be atomic with the erasure"));
        }
        if (!Topics.COMPACTED.contains(topic)) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "a tombstone only erases on a compacted topic; " + topic + " is not one"));
        }
        return session.createNativeQuery(INSERT)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, OutboxLanes.of(key))
                .setParameter(3, topic)
                .setParameter(4, key)
                .setParameter(5, TOMBSTONE)
                .setParameter(6, identity.source())
                .setParameter(7, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .setParameter(8, null)
                .setParameter(9, Tracing.currentTraceparent())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Stores many events in the caller's transaction with one statement (rows in list order), for use cases that
     * write a batch: one round trip instead of one per event.
     */
    public Uni<Void> appendAll(Mutiny.Session session, List<? extends RelanceEvent> events) {
        return appendAll(session, events, Collections.nCopies(events.size(), Tracing.currentTraceparent()));
    }

    /**
     * Stores many events with one statement, each in the trace of the traceparent at the same position (null: of
     * none), for a transaction that writes what several requests submitted.
     */
    public Uni<Void> appendAll(Mutiny.Session session, List<? extends RelanceEvent> events, List<String> traceparents) {
        if (traceparents.size() != events.size()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    events.size() + " events but " + traceparents.size() + " traceparents"));
        }
        if (session.currentTransaction() == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    "outbox append outside a transaction: the events would not be atomic with their state change"));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        Short[] lanes = new Short[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        // ISO text cast in SQL: Hibernate binds an OffsetDateTime[] as an Instant[], which the reactive client refuses.
        String[] occurred = new String[n];
        String[] payloads = new String[n];
        String[] parents = traceparents.toArray(String[]::new);
        for (int i = 0; i < n; i++) {
            RelanceEvent event = events.get(i);
            if (event.eventId() == null || event.occurredAt() == null || event.customerId() == null || event.customerId().isBlank()) {
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "an event needs eventId, occurredAt and customerId: " + event));
            }
            EventType type = EventType.of(event.getClass());
            ids[i] = event.eventId();
            lanes[i] = OutboxLanes.of(event.customerId());
            topics[i] = type.topic();
            keys[i] = event.customerId();
            types[i] = type.ceType();
            occurred[i] = event.occurredAt().toString();
            payloads[i] = serialize(event);
        }
        return session.createNativeQuery(INSERT_ALL)
                .setParameter(1, ids)
                .setParameter(2, lanes)
                .setParameter(3, topics)
                .setParameter(4, keys)
                .setParameter(5, types)
                .setParameter(6, identity.source())
                .setParameter(7, occurred)
                .setParameter(8, payloads)
                .setParameter(9, parents)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** Stores the event in the transaction of the current Panache session ({@code @WithTransaction}). */
    public Uni<Void> append(RelanceEvent event) {
        return Panache.getSession().chain(session -> append(session, event));
    }

    private String serialize(RelanceEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.getClass().getSimpleName(), e);
        }
    }
}
