package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The customer contests an invoice: dunning of that invoice pauses until the dispute is resolved.
 *
 * @param disputedAmount the part of the invoice the customer contests
 * @param comment what the customer or the collector wrote; null when nothing was written
 */
public record DisputeOpened(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID disputeId,
        UUID invoiceId,
        LocalDate openedOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal disputedAmount,
        String currency,
        DisputeReason reason,
        String comment) implements RelanceEvent {

    public DisputeOpened {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(disputeId, "disputeId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(openedOn, "openedOn");
        requireNonNull(disputedAmount, "disputedAmount");
        requireNonNull(currency, "currency");
        requireNonNull(reason, "reason");
    }
}
