package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.messaging.InvoiceEvents;
import io.relance.invoice.persistence.CustomerRepository;
import io.relance.invoice.persistence.InvoiceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records an invoice and its InvoiceIssued event in one transaction; a resubmission is answered, not repeated.
 * An ERP invoice is identified by (source system, external id), one entered in Relance by its number.
 */
@ApplicationScoped
public class IssueInvoice {

    /** The invoice, and whether this call created it (false: the same invoice had already been issued). */
    public record Outcome(Invoice invoice, boolean created) {
    }

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final Clock clock;

    IssueInvoice(InvoiceRepository invoices, CustomerRepository customers, Outbox outbox, Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> issue(Invoice.Submission submission) {
        Uni<Optional<Invoice>> same = submission.sourceSystem() == null
                ? invoices.byNumber(submission.issuer(), submission.number())
                : invoices.bySourceReference(submission.sourceSystem(), submission.externalId());
        return same.chain(existing -> {
            if (existing.isPresent()) {
                List<String> differences = existing.get().differencesFrom(submission);
                if (!differences.isEmpty()) {
                    return Uni.createFrom().failure(new ConflictingInvoiceException(submission.number(), differences));
                }
                return Uni.createFrom().item(new Outcome(existing.get(), false));
            }
            Invoice invoice = Invoice.issue(submission, clock.instant());
            return requireCustomer(submission.customerId())
                    .chain(() -> requireFreeNumber(submission))
                    .chain(() -> invoices.add(invoice))
                    .chain(() -> outbox.append(InvoiceEvents.issued(invoice, clock.instant())))
                    .replaceWith(new Outcome(invoice, true));
        });
    }

    private Uni<Void> requireCustomer(String customerId) {
        return customers.byId(customerId).chain(customer -> customer.isPresent() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new UnprocessableException("customerId",
                "must name an existing customer (create it with PUT /customers/" + customerId + ")")));
    }

    private Uni<Void> requireFreeNumber(Invoice.Submission submission) {
        return invoices.byNumber(submission.issuer(), submission.number()).chain(other -> other.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ConflictException("invoice number " + submission.number()
                + " is already used by invoice " + other.get().id() + " of issuer " + submission.issuer(),
                List.of("invoiceNumber"))));
    }
}
