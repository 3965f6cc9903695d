package io.relance.invoice.api;

import io.relance.invoice.domain.CreditNote;
import io.relance.invoice.domain.Invoice;

import java.time.LocalDate;
import java.util.UUID;

/** A credit note, and the invoice it lowered as it now stands. */
public record CreditNoteResponse(UUID id, String number, LocalDate issueDate, String amount, String currency,
                                 String reason, InvoiceResponse invoice) {

    static CreditNoteResponse of(CreditNote note, Invoice invoice) {
        return new CreditNoteResponse(note.id(), note.number(), note.issueDate(), note.amount().amount().toPlainString(),
                note.amount().currency().getCurrencyCode(), note.reason(), InvoiceResponse.of(invoice));
    }
}
