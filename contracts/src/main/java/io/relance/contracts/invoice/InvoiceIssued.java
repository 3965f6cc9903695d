package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice was issued to the customer: from {@code issueDate} its amount is receivable, due on
 * {@code dueDate}.
 *
 * @param invoiceNumber the number printed on the invoice
 * @param amount the amount due, taxes included
 * @param sourceSystem the ERP the invoice came from; null when it was entered in Relance
 * @param externalId the invoice's id in {@code sourceSystem}; null when it was entered in Relance
 */
public record InvoiceIssued(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID invoiceId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String sourceSystem,
        String externalId) implements RelanceEvent {

    public InvoiceIssued {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
    }
}
