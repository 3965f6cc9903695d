package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.RelanceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A dunning case moved to step {@code toStepIndex} of its policy on {@code businessDate}, for
 * {@code reason}.
 *
 * @param invoiceIds the invoices the case chases, at least one
 * @param fromStepIndex the step it left; null when the case enters its first step
 */
public record DunningEscalated(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID caseId,
        List<UUID> invoiceIds,
        Integer fromStepIndex,
        int toStepIndex,
        EscalationReason reason,
        LocalDate businessDate) implements RelanceEvent {

    public DunningEscalated {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(caseId, "caseId");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(reason, "reason");
        requireNonNull(businessDate, "businessDate");
    }
}
