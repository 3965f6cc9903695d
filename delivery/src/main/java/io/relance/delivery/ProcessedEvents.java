package io.relance.delivery;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.UUID;

/** The processed-event store: which event ids each consumer has already applied. */
@ApplicationScoped
public class ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING""";

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
}
