package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice was cancelled: it is no longer owed, and the balance that was still open leaves the
 * receivables.
 *
 * @param openAmount the balance that was still open when the invoice was cancelled
 * @param reason free-text reason given by the ERP or the operator; null when none was given
 */
public record InvoiceCancelled(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID invoiceId,
        String invoiceNumber,
        LocalDate cancelledOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal openAmount,
        String currency,
        String reason) implements RelanceEvent {

    public InvoiceCancelled {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(cancelledOn, "cancelledOn");
        requireNonNull(openAmount, "openAmount");
        requireNonNull(currency, "currency");
    }
}
