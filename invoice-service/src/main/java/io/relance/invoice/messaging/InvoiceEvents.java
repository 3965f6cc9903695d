package io.relance.invoice.messaging;

import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.invoice.domain.CreditNote;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Translates invoice facts into the event contracts; the only place that knows both. */
public final class InvoiceEvents {

    private InvoiceEvents() {
    }

    public static InvoiceIssued issued(Invoice invoice, Instant occurredAt) {
        return new InvoiceIssued(UUID.randomUUID(), occurredAt, invoice.customerId(), invoice.id(), invoice.number(),
                invoice.issueDate(), invoice.dueDate(), invoice.amount().amount(),
                invoice.amount().currency().getCurrencyCode(), invoice.sourceSystem(), invoice.externalId());
    }

    public static CreditNoteIssued creditNoteIssued(CreditNote note, Instant occurredAt) {
        return new CreditNoteIssued(UUID.randomUUID(), occurredAt, note.customerId(), note.id(), note.number(),
                note.invoiceId(), note.issueDate(), note.amount().amount(), note.amount().currency().getCurrencyCode(),
                note.reason());
    }

    /** {@code openAmount}: the balance still open just before the cancellation. */
    public static InvoiceCancelled cancelled(Invoice invoice, Money openAmount, LocalDate on, String reason,
                                             Instant occurredAt) {
        return new InvoiceCancelled(UUID.randomUUID(), occurredAt, invoice.customerId(), invoice.id(),
                invoice.number(), on, openAmount.amount(), openAmount.currency().getCurrencyCode(), reason);
    }

    public static InvoiceWrittenOff writtenOff(Invoice invoice, Money amount, LocalDate on, String reason,
                                               Instant occurredAt) {
        return new InvoiceWrittenOff(UUID.randomUUID(), occurredAt, invoice.customerId(), invoice.id(),
                invoice.number(), on, amount.amount(), amount.currency().getCurrencyCode(), reason);
    }
}
