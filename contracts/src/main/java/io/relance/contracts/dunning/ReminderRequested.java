package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A dunning step fell due for the customer: one reminder listing all its invoices at that step is
 * to be delivered on every channel in {@code channels}, rendered from {@code templateKey}.
 *
 * @param reminderId the reminder's id; notification-service delivers each reminder at most once
 * @param stepIndex position of the step in the policy, from 0
 * @param stepOffsetDays the step's offset from the due date, in days (negative = before it)
 * @param businessDate the business day the step fell due
 * @param invoices the statement's lines, at least one, all in {@code currency}
 * @param totalLateInterest sum of the lines' late interest; null when the step claims none
 * @param totalRecoveryIndemnity sum of the lines' recovery indemnities; null when the step claims none
 * @param responseDeadline date by which the customer must pay, printed on a formal notice; null
 *     when the step sets none
 */
public record ReminderRequested(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID reminderId,
        String policyId,
        int stepIndex,
        int stepOffsetDays,
        List<Channel> channels,
        String templateKey,
        Tone tone,
        LocalDate businessDate,
        String currency,
        List<RemindedInvoice> invoices,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalOpen,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalLateInterest,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalRecoveryIndemnity,
        LocalDate responseDeadline) implements RelanceEvent {

    public ReminderRequested {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(reminderId, "reminderId");
        requireNonNull(policyId, "policyId");
        channels = List.copyOf(requireNonNull(channels, "channels"));
        requireNonNull(templateKey, "templateKey");
        requireNonNull(tone, "tone");
        requireNonNull(businessDate, "businessDate");
        requireNonNull(currency, "currency");
        invoices = List.copyOf(requireNonNull(invoices, "invoices"));
        requireNonNull(totalOpen, "totalOpen");
    }
}
