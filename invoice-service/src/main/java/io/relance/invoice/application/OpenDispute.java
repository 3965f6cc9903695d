package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Dispute;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.messaging.DisputeEvents;
import io.relance.invoice.persistence.DisputeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Opens a dispute on an invoice (DisputeOpened) and flags the invoice as disputed. */
@ApplicationScoped
public class OpenDispute {

    private final Invoices invoices;
    private final DisputeRepository disputes;
    private final Outbox outbox;
    private final Clock clock;

    OpenDispute(Invoices invoices, DisputeRepository disputes, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.disputes = disputes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Dispute> open(UUID invoiceId, Dispute.Reason reason, Money disputedAmount, String comment) {
        LocalDate today = LocalDate.now(clock);
        return invoices.require(invoiceId).chain(invoice -> {
            Dispute dispute = Dispute.open(invoice, reason, disputedAmount, comment, today);
            return disputes.add(dispute)
                    .chain(() -> invoices.update(invoice.markDisputed(true), new TimelineEntry(invoiceId,
                            TimelineEntry.Kind.DISPUTE_OPENED, today, disputedAmount, dispute.id().toString(),
                            reason + (comment == null ? "" : ": " + comment), clock.instant())))
                    .chain(() -> outbox.append(DisputeEvents.opened(dispute, clock.instant())))
                    .replaceWith(dispute);
        });
    }
}
