package io.relance.invoice.application;

import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.persistence.InvoiceRepository;
import io.relance.invoice.persistence.TimelineRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Loading and storing invoices together with their timeline, for the use cases, in the caller's transaction. */
@ApplicationScoped
public class Invoices {

    private final InvoiceRepository invoices;
    private final TimelineRepository timeline;

    Invoices(InvoiceRepository invoices, TimelineRepository timeline) {
        this.invoices = invoices;
        this.timeline = timeline;
    }

    public Uni<Invoice> require(UUID id) {
        return invoices.byId(id).map(found -> found.orElseThrow(() -> new UnknownInvoiceException(id)));
    }

    /** Stores the invoice's new state and the fact that caused it. */
    public Uni<Void> update(Invoice invoice, TimelineEntry cause) {
        return invoices.update(invoice).chain(() -> timeline.record(cause));
    }
}
