package io.relance.invoice.api;

import io.relance.invoice.domain.Invoice;

import java.time.LocalDate;
import java.util.UUID;

/** An invoice as the API shows it; amounts are decimal strings. */
public record InvoiceResponse(UUID id, String customerId, String number, LocalDate issueDate, LocalDate dueDate,
                              String amount, String openAmount, String currency, String status) {

    static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id(), invoice.customerId(), invoice.number(), invoice.issueDate(),
                invoice.dueDate(), invoice.amount().amount().toPlainString(),
                invoice.openAmount().amount().toPlainString(), invoice.amount().currency().getCurrencyCode(),
                invoice.status().name());
    }
}
