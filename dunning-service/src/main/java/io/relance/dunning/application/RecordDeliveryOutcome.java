package io.relance.dunning.application;

import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.Reminder;
import io.relance.dunning.domain.ReminderLine;
import io.relance.dunning.messaging.DunningEvents;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.HistoryEntry;
import io.relance.dunning.persistence.StoredReminder;
import io.relance.dunning.persistence.WorklistStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/**
 * Records what became of each reminder, on the reminder and in the customer's case history; an e-mail that can
 * never be delivered is sent again as a letter, once, unless the reminder already went by post.
 */
@ApplicationScoped
public class RecordDeliveryOutcome {

    private static final List<Channel> POSTAL = List.of(Channel.LETTER, Channel.REGISTERED_LETTER);

    private final DunningStore store;
    private final WorklistStore history;
    private final DunningEvents events;
    private final BusinessClock clock;

    RecordDeliveryOutcome(DunningStore store, WorklistStore history, DunningEvents events, BusinessClock clock) {
        this.store = store;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> sent(Mutiny.Session session, UUID reminderId, Channel channel, String trackingNumber) {
        return store.recordOutcome(session, reminderId, StoredReminder.Outcome.SENT, channel.name(), trackingNumber,
                clock.now()).chain(() -> inHistory(session, reminderId, HistoryEntry.Kind.REMINDER_SENT, channel,
                trackingNumber));
    }

    public Uni<Void> failed(Mutiny.Session session, UUID reminderId, Channel channel, String reason,
                            boolean permanent) {
        return store.recordOutcome(session, reminderId, StoredReminder.Outcome.FAILED, channel.name(), reason,
                        clock.now())
                .chain(() -> inHistory(session, reminderId, HistoryEntry.Kind.REMINDER_FAILED, channel,
                        (permanent ? "permanent: " : "temporary: ") + reason))
                .chain(() -> channel == Channel.EMAIL && permanent
                        ? store.reminder(session, reminderId).chain(found -> found
                                .map(stored -> fallBackToLetter(session, stored.reminder()))
                                .orElseGet(() -> Uni.createFrom().voidItem()))
                        : Uni.createFrom().voidItem());
    }

    /** An outcome of a reminder this service never requested changes nothing, so it is not in any history. */
    private Uni<Void> inHistory(Mutiny.Session session, UUID reminderId, HistoryEntry.Kind kind, Channel channel,
                                String detail) {
        return store.reminder(session, reminderId).chain(found -> found
                .map(stored -> history.record(session, new HistoryEntry(UUID.randomUUID(),
                        stored.reminder().customerId(),
                        stored.reminder().lines().stream().map(ReminderLine::invoiceId).toList(), clock.now(),
                        clock.today(), kind, channel.name(), reminderId, detail)))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    private Uni<Void> fallBackToLetter(Mutiny.Session session, Reminder original) {
        if (original.channels().stream().anyMatch(POSTAL::contains)) {
            return Uni.createFrom().voidItem();
        }
        Reminder letter = original.resentOn(List.of(Channel.LETTER));
        return store.reminder(session, letter.reminderId()).chain(existing -> existing.isPresent()
                ? Uni.createFrom().voidItem()
                : store.record(session, letter, clock.now())
                        .chain(() -> events.reminderRequested(session, letter, clock.now()))
                        .chain(() -> history.record(session, new HistoryEntry(UUID.randomUUID(), letter.customerId(),
                                letter.lines().stream().map(ReminderLine::invoiceId).toList(), clock.now(),
                                clock.today(), HistoryEntry.Kind.REMINDER_REQUESTED, Channel.LETTER.name(),
                                letter.reminderId(), "letter instead of the e-mail " + original.reminderId()))));
    }
}
