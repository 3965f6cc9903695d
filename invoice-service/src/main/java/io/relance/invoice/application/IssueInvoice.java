package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.Money;
import io.relance.invoice.messaging.InvoiceEvents;
import io.relance.invoice.persistence.InvoiceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Records an invoice and its InvoiceIssued event in one transaction; a resubmission is answered, not repeated. */
@ApplicationScoped
public class IssueInvoice {

    /** What the caller asked for, in the terms of the domain. */
    public record Command(String customerId, String number, BigDecimal amount, String currency, LocalDate issueDate,
                          LocalDate dueDate) {
    }

    /** The invoice, and whether this call created it (false: the same invoice had already been issued). */
    public record Outcome(Invoice invoice, boolean created) {
    }

    private final InvoiceRepository invoices;
    private final Outbox outbox;
    private final Clock clock;

    IssueInvoice(InvoiceRepository invoices, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> issue(Command command) {
        Money amount = new Money(command.amount(), Money.currency(command.currency()));
        Invoice invoice = Invoice.issue(command.customerId(), command.number(), command.issueDate(), command.dueDate(),
                amount, clock.instant());
        return invoices.byNumber(command.number()).chain(existing -> {
            if (existing.isPresent()) {
                List<String> differences = existing.get().differencesFrom(command.customerId(), command.issueDate(),
                        command.dueDate(), amount);
                if (!differences.isEmpty()) {
                    return Uni.createFrom().failure(new ConflictingInvoiceException(command.number(), differences));
                }
                return Uni.createFrom().item(new Outcome(existing.get(), false));
            }
            return invoices.add(invoice)
                    .chain(() -> outbox.append(InvoiceEvents.issued(invoice, clock.instant())))
                    .replaceWith(new Outcome(invoice, true));
        });
    }
}
