package io.relance.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The processed-event store: which event ids each consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";
    // Ids in order, so that two transactions recording overlapping ids wait on each other instead of deadlocking.
    private static final String MARK_ALL = """
            INSERT INTO processed_event (consumer, event_id)
            SELECT ?1, id FROM unnest(CAST(?2 AS uuid[])) AS id ORDER BY id
            ON CONFLICT DO NOTHING RETURNING event_id""";

    /**
     * Records the event id in the caller's transaction; false when it was already recorded, in which case the
     * caller must not apply the effect again. A concurrent first delivery waits on the key, then sees false.
     */
    public Uni<Boolean> markProcessed(Mutiny.Session session, String consumer, UUID eventId) {
        return session.createNativeQuery(MARK)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /**
     * Records many event ids in the caller's transaction with one statement; returns those that were not recorded
     * yet, whose effects the caller applies now (the others were applied before and must not be again).
     */
    public Uni<Set<UUID>> markAllProcessed(Mutiny.Session session, String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return session.createNativeQuery(MARK_ALL, UUID.class)
                .setParameter(1, consumer)
                .setParameter(2, eventIds.toArray(UUID[]::new))
                .getResultList()
                .map(HashSet::new);
    }
}
