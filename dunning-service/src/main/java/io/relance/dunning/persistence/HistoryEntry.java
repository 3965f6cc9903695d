package io.relance.dunning.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of a customer's case history.
 *
 * @param channel the channel a reminder went by or failed on, or the call's; null for other entries
 * @param reminderId the reminder the entry is about; null for other entries
 * @param detail the outcome, tracking number, failure reason or note, in words
 */
public record HistoryEntry(UUID entryId, String customerId, List<UUID> invoiceIds, Instant recordedAt,
                           LocalDate businessDate, Kind kind, String channel, UUID reminderId, String detail) {

    public enum Kind {
        REMINDER_REQUESTED,
        REMINDER_SENT,
        REMINDER_FAILED,
        ESCALATED,
        CALL
    }

    public HistoryEntry {
        invoiceIds = List.copyOf(invoiceIds);
    }
}
