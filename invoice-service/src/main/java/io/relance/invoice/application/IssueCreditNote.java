package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.CreditNote;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.messaging.InvoiceEvents;
import io.relance.invoice.persistence.CreditNoteRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Issues a credit note on an invoice (CreditNoteIssued); resending the same credit-note number changes nothing. */
@ApplicationScoped
public class IssueCreditNote {

    public record Outcome(CreditNote creditNote, Invoice invoice, boolean created) {
    }

    private final Invoices invoices;
    private final CreditNoteRepository creditNotes;
    private final Outbox outbox;
    private final Clock clock;

    IssueCreditNote(Invoices invoices, CreditNoteRepository creditNotes, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> issue(UUID invoiceId, String number, Money amount, LocalDate issueDate, String reason) {
        return invoices.require(invoiceId).chain(invoice -> issueOn(invoice, number, amount, issueDate, reason));
    }

    /** Issues the credit note in the caller's transaction (an accepted dispute does so). */
    public Uni<Outcome> issueOn(Invoice invoice, String number, Money amount, LocalDate issueDate, String reason) {
        return creditNotes.byNumber(invoice.issuer(), number).chain(existing -> {
            if (existing.isPresent()) {
                return existing.get().sameAs(invoice.id(), amount)
                        ? Uni.createFrom().item(new Outcome(existing.get(), invoice, false))
                        : Uni.createFrom().failure(new ConflictException("credit note " + number
                        + " was already issued by " + invoice.issuer() + " with other content", List.of("number")));
            }
            Invoice credited = invoice.credit(amount);
            CreditNote note = new CreditNote(UUID.randomUUID(), invoice.id(), invoice.customerId(), invoice.issuer(),
                    number, issueDate, amount, reason);
            return creditNotes.add(note)
                    .chain(() -> invoices.update(credited, new TimelineEntry(invoice.id(),
                            TimelineEntry.Kind.CREDIT_NOTE, issueDate, amount, number, reason, clock.instant())))
                    .chain(() -> outbox.append(InvoiceEvents.creditNoteIssued(note, clock.instant())))
                    .replaceWith(new Outcome(note, credited, true));
        });
    }
}
