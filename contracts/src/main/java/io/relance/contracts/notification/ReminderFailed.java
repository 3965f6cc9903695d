package io.relance.contracts.notification;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.dunning.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * Delivering a reminder on one channel failed.
 *
 * @param reason what the provider answered, for example a bounce or an invalid number
 * @param permanent true when no later attempt can succeed (unknown address, suppressed recipient);
 *     false when one may
 */
public record ReminderFailed(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID reminderId,
        UUID deliveryId,
        Channel channel,
        String reason,
        boolean permanent) implements RelanceEvent {

    public ReminderFailed {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(reminderId, "reminderId");
        requireNonNull(deliveryId, "deliveryId");
        requireNonNull(channel, "channel");
        requireNonNull(reason, "reason");
    }
}
