package io.relance.invoice.api;

import io.relance.invoice.domain.Invoice;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice as the API shows it; amounts are decimal strings. {@code beyondLegalTerms}: the due date is past the
 * French legal ceiling (60 days, or 45 days end of month), accepted but flagged.
 */
public record InvoiceResponse(UUID id, String customerId, String issuer, String number, String sourceSystem,
                              String externalId, LocalDate issueDate, LocalDate dueDate, String amount,
                              String openAmount, String creditedAmount, String paidAmount, String currency,
                              String status, boolean disputed, boolean beyondLegalTerms) {

    static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id(), invoice.customerId(), invoice.issuer(), invoice.number(),
                invoice.sourceSystem(), invoice.externalId(), invoice.issueDate(), invoice.dueDate(),
                invoice.amount().amount().toPlainString(), invoice.openAmount().amount().toPlainString(),
                invoice.credited().amount().toPlainString(), invoice.paid().amount().toPlainString(),
                invoice.amount().currency().getCurrencyCode(), invoice.status().name(), invoice.disputed(),
                invoice.beyondLegalTerms());
    }
}
