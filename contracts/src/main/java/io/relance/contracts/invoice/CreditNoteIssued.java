package io.relance.contracts.invoice;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A credit note was issued to the customer, lowering what it owes by {@code amount}.
 *
 * @param invoiceId the invoice the credit note is allocated to; null when it is not allocated to
 *     one invoice and lowers the customer's balance as a whole
 * @param amount the credited amount, taxes included, positive
 * @param reason free-text reason printed on the credit note; null when none was given
 */
public record CreditNoteIssued(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID creditNoteId,
        String creditNoteNumber,
        UUID invoiceId,
        LocalDate issueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason) implements RelanceEvent {

    public CreditNoteIssued {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(creditNoteId, "creditNoteId");
        requireNonNull(creditNoteNumber, "creditNoteNumber");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
    }
}
