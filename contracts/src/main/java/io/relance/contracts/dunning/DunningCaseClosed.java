package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The dunning of an invoice ended on {@code closedOn} for {@code reason}; nothing more is sent for it.
 *
 * @param amountRecovered what was collected on the invoice while it was being chased, zero when
 *     nothing was
 */
public record DunningCaseClosed(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID caseId,
        UUID invoiceId,
        LocalDate closedOn,
        ClosureReason reason,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountRecovered,
        String currency) implements RelanceEvent {

    public DunningCaseClosed {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(caseId, "caseId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(closedOn, "closedOn");
        requireNonNull(reason, "reason");
        requireNonNull(amountRecovered, "amountRecovered");
        requireNonNull(currency, "currency");
    }
}
