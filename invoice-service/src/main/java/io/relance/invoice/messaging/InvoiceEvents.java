package io.relance.invoice.messaging;

import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.invoice.domain.Invoice;

import java.time.Instant;
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
}
