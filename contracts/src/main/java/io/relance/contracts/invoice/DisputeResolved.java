package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.RelanceEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dispute on an invoice was resolved with {@code outcome}: dunning of the invoice resumes, or ends
 * when the credit note covers its balance.
 *
 * @param comment the resolution note; null when nothing was written
 */
public record DisputeResolved(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID disputeId,
        UUID invoiceId,
        LocalDate resolvedOn,
        DisputeOutcome outcome,
        String comment) implements RelanceEvent {

    public DisputeResolved {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(resolvedOn, "resolvedOn");
        requireNonNull(outcome, "outcome");
    }
}
