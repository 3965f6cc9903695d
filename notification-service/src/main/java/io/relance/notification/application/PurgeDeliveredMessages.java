package io.relance.notification.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.notification.config.NotificationConfig;
import io.relance.notification.persistence.DeliveryRepository;
import io.relance.notification.persistence.LetterRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Retention of what was sent to debtors: past {@code retention.delivered} a finished delivery keeps no address or
 * provider message, past {@code retention.letters} a posted letter's PDF is deleted. Counts, statuses, dates and
 * costs stay, so the KPIs and the audit trail are unchanged.
 */
@ApplicationScoped
public class PurgeDeliveredMessages {

    /** What one purge blanked and deleted. */
    public record Purged(int deliveries, long letters) {
    }

    private final DeliveryRepository deliveries;
    private final LetterRepository letters;
    private final NotificationConfig.Retention retention;
    private final Clock clock;

    PurgeDeliveredMessages(DeliveryRepository deliveries, LetterRepository letters, NotificationConfig config,
                           Clock clock) {
        this.deliveries = deliveries;
        this.letters = letters;
        this.retention = config.retention();
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Purged> purge() {
        Instant now = clock.instant();
        return deliveries.forgetMessagesFinishedBefore(now.minus(retention.delivered()))
                .chain(blanked -> letters.deletePostedBefore(now.minus(retention.letters()))
                        .map(deleted -> new Purged(blanked, deleted)));
    }
}
