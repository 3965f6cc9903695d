package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One reminder that claimed the invoice before its hand-over, and what became of it.
 *
 * @param businessDate the business day the reminder was requested for
 * @param channels the channels it was requested on
 * @param amountOpen the invoice's balance the reminder claimed
 * @param outcomeChannel the channel of the last reported outcome; null while none is reported
 * @param outcomeDetail tracking number, failure reason or call outcome; null when there is none
 * @param outcomeAt when the last outcome was reported; null while none is reported
 */
public record ReminderEvidence(
        UUID reminderId,
        int stepIndex,
        LocalDate businessDate,
        List<Channel> channels,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountOpen,
        DeliveryOutcome outcome,
        Channel outcomeChannel,
        String outcomeDetail,
        Instant outcomeAt) {

    public ReminderEvidence {
        requireNonNull(reminderId, "reminderId");
        requireNonNull(businessDate, "businessDate");
        channels = List.copyOf(requireNonNull(channels, "channels"));
        requireNonNull(amountOpen, "amountOpen");
        requireNonNull(outcome, "outcome");
    }
}
