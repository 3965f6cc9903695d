package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
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
 * @param evidence the file handed over with the case; null unless the step is a hand-over (added in
 *     contracts 1.1.0)
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
        LocalDate businessDate,
        HandOverEvidence evidence) implements RelanceEvent {

    @JsonCreator
    public DunningEscalated {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(caseId, "caseId");
        invoiceIds = List.copyOf(requireNonNull(invoiceIds, "invoiceIds"));
        requireNonNull(reason, "reason");
        requireNonNull(businessDate, "businessDate");
    }

    /** An escalation that is not a hand-over: no evidence file. Kept so that code written before 1.1.0 compiles. */
    public DunningEscalated(UUID eventId, Instant occurredAt, String customerId, UUID caseId, List<UUID> invoiceIds,
                            Integer fromStepIndex, int toStepIndex, EscalationReason reason, LocalDate businessDate) {
        this(eventId, occurredAt, customerId, caseId, invoiceIds, fromStepIndex, toStepIndex, reason, businessDate,
                null);
    }
}
