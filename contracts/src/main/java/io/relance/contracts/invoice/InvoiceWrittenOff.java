package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The open balance of an invoice was written off as bad debt: it leaves the receivables without
 * being paid.
 *
 * @param amount the balance written off
 * @param reason why it is deemed uncollectible, as recorded by the manager who decided it
 */
public record InvoiceWrittenOff(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID invoiceId,
        String invoiceNumber,
        LocalDate writtenOffOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason) implements RelanceEvent {

    public InvoiceWrittenOff {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(writtenOffOn, "writtenOffOn");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        requireNonNull(reason, "reason");
    }
}
