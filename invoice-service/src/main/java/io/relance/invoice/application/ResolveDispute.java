package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Dispute;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.messaging.DisputeEvents;
import io.relance.invoice.persistence.DisputeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Resolves a dispute (DisputeResolved): accepted, which issues a credit note for the agreed amount first
 * (CreditNoteIssued), or rejected. Also closes a dispute as withdrawn when the invoice gets paid in full.
 */
@ApplicationScoped
public class ResolveDispute {

    /** An accepted dispute's credit note: its number and the agreed amount. */
    public record Settlement(String creditNoteNumber, Money amount) {
    }

    private final Invoices invoices;
    private final DisputeRepository disputes;
    private final IssueCreditNote issueCreditNote;
    private final Outbox outbox;
    private final Clock clock;

    ResolveDispute(Invoices invoices, DisputeRepository disputes, IssueCreditNote issueCreditNote, Outbox outbox,
                   Clock clock) {
        this.invoices = invoices;
        this.disputes = disputes;
        this.issueCreditNote = issueCreditNote;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code settlement} is required when accepted and must be null when rejected. */
    @WithTransaction
    public Uni<Dispute> resolve(UUID disputeId, Dispute.Outcome outcome, Settlement settlement, String comment) {
        if (outcome == Dispute.Outcome.WITHDRAWN) {
            return Uni.createFrom().failure(new InvoiceRuleViolation("outcome", "must be ACCEPTED or REJECTED"));
        }
        if (outcome == Dispute.Outcome.ACCEPTED && settlement == null) {
            return Uni.createFrom().failure(new InvoiceRuleViolation("creditNote",
                    "is required when the dispute is accepted: its number and amount"));
        }
        LocalDate today = LocalDate.now(clock);
        return disputes.byId(disputeId)
                .map(found -> found.orElseThrow(() -> new UnknownDisputeException(disputeId)))
                .chain(dispute -> {
                    Dispute resolved = dispute.resolve(outcome, today, comment);
                    Uni<Invoice> invoice = invoices.require(dispute.invoiceId());
                    if (outcome == Dispute.Outcome.ACCEPTED) {
                        invoice = invoice.chain(found -> issueCreditNote.issueOn(found, settlement.creditNoteNumber(),
                                settlement.amount(), today, "dispute " + disputeId + " accepted")
                                .map(IssueCreditNote.Outcome::invoice));
                    }
                    return invoice.chain(found -> close(found, resolved)).replaceWith(resolved);
                });
    }

    /** Closes the invoice's open dispute as withdrawn, in the caller's transaction, once it is paid in full. */
    Uni<Void> withdrawOnFullPayment(Invoice paid) {
        return disputes.openOn(paid.id()).chain(open -> open.isEmpty() ? Uni.createFrom().voidItem()
                : close(paid, open.get().resolve(Dispute.Outcome.WITHDRAWN, LocalDate.now(clock), "paid in full")));
    }

    private Uni<Void> close(Invoice invoice, Dispute resolved) {
        return disputes.resolve(resolved)
                .chain(() -> invoices.update(invoice.markDisputed(false), new TimelineEntry(invoice.id(),
                        TimelineEntry.Kind.DISPUTE_RESOLVED, resolved.resolvedOn(), null, resolved.id().toString(),
                        resolved.outcome() + (resolved.resolutionComment() == null ? "" : ": " + resolved.resolutionComment()),
                        clock.instant())))
                .chain(() -> outbox.append(DisputeEvents.resolved(resolved, clock.instant())));
    }
}
