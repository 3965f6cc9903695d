package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceStatus;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.messaging.InvoiceEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Writes an invoice's open balance off as bad debt (InvoiceWrittenOff); writing it off again changes nothing. */
@ApplicationScoped
public class WriteOffInvoice {

    private final Invoices invoices;
    private final Outbox outbox;
    private final Clock clock;

    WriteOffInvoice(Invoices invoices, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Invoice> writeOff(UUID invoiceId, String reason) {
        return invoices.require(invoiceId).chain(invoice -> {
            if (invoice.status() == InvoiceStatus.WRITTEN_OFF) {
                return Uni.createFrom().item(invoice);
            }
            Invoice writtenOff = invoice.writeOff();
            LocalDate today = LocalDate.now(clock);
            return invoices.update(writtenOff, new TimelineEntry(invoiceId, TimelineEntry.Kind.WRITTEN_OFF, today,
                            invoice.openAmount(), null, reason, clock.instant()))
                    .chain(() -> outbox.append(InvoiceEvents.writtenOff(invoice, invoice.openAmount(), today, reason,
                            clock.instant())))
                    .replaceWith(writtenOff);
        });
    }
}
