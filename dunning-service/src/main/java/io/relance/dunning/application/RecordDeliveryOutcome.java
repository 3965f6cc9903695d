package io.relance.dunning.application;

import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.Reminder;
import io.relance.dunning.messaging.DunningEvents;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.StoredReminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * Records what became of each reminder in its history; an e-mail that can never be delivered is sent again as a
 * letter, once, unless the reminder already went by post.
 */
@ApplicationScoped
public class RecordDeliveryOutcome {

    private static final List<Channel> POSTAL = List.of(Channel.LETTER, Channel.REGISTERED_LETTER);

    private final DunningStore store;
    private final DunningEvents events;
    private final BusinessClock clock;

    RecordDeliveryOutcome(DunningStore store, DunningEvents events, BusinessClock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> sent(Mutiny.Session session, UUID reminderId, Channel channel, String trackingNumber) {
        return store.recordOutcome(session, reminderId, StoredReminder.Outcome.SENT, channel.name(), trackingNumber,
                clock.now()).replaceWithVoid();
    }

    public Uni<Void> failed(Mutiny.Session session, UUID reminderId, Channel channel, String reason,
                            boolean permanent) {
        return store.recordOutcome(session, reminderId, StoredReminder.Outcome.FAILED, channel.name(), reason,
                        clock.now())
                .chain(() -> channel == Channel.EMAIL && permanent
                        ? store.reminder(session, reminderId).chain(found -> found
                                .map(stored -> fallBackToLetter(session, stored.reminder()))
                                .orElseGet(() -> Uni.createFrom().voidItem()))
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> fallBackToLetter(Mutiny.Session session, Reminder original) {
        if (original.channels().stream().anyMatch(POSTAL::contains)) {
            return Uni.createFrom().voidItem();
        }
        Reminder letter = original.resentOn(List.of(Channel.LETTER));
        return store.reminder(session, letter.reminderId()).chain(existing -> existing.isPresent()
                ? Uni.createFrom().voidItem()
                : store.record(session, letter, clock.now())
                        .chain(() -> events.reminderRequested(session, letter, clock.now())));
    }
}
