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

/** Cancels an invoice issued in error (InvoiceCancelled); cancelling it again changes nothing. */
@ApplicationScoped
public class CancelInvoice {

    private final Invoices invoices;
    private final Outbox outbox;
    private final Clock clock;

    CancelInvoice(Invoices invoices, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Invoice> cancel(UUID invoiceId, String reason) {
        return invoices.require(invoiceId).chain(invoice -> {
            if (invoice.status() == InvoiceStatus.CANCELLED) {
                return Uni.createFrom().item(invoice);
            }
            Invoice cancelled = invoice.cancel();
            LocalDate today = LocalDate.now(clock);
            return invoices.update(cancelled, new TimelineEntry(invoiceId, TimelineEntry.Kind.CANCELLED, today,
                            invoice.openAmount(), null, reason, clock.instant()))
                    .chain(() -> outbox.append(InvoiceEvents.cancelled(invoice, invoice.openAmount(), today, reason,
                            clock.instant())))
                    .replaceWith(cancelled);
        });
    }
}
