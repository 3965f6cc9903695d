package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.invoice.domain.AccountStatement;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceFilter;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.persistence.CustomerRepository;
import io.relance.invoice.persistence.InvoiceRepository;
import io.relance.invoice.persistence.TimelineRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read side: one invoice, a filtered page, an invoice's timeline, a customer's account statement. */
@ApplicationScoped
public class FindInvoice {

    private final InvoiceRepository invoices;
    private final TimelineRepository timeline;
    private final CustomerRepository customers;

    FindInvoice(InvoiceRepository invoices, TimelineRepository timeline, CustomerRepository customers) {
        this.invoices = invoices;
        this.timeline = timeline;
        this.customers = customers;
    }

    @WithSession
    public Uni<Optional<Invoice>> byId(UUID id) {
        return invoices.byId(id);
    }

    @WithSession
    public Uni<List<Invoice>> page(InvoiceFilter filter) {
        return invoices.page(filter);
    }

    @WithSession
    public Uni<List<TimelineEntry>> timeline(UUID invoiceId) {
        return invoices.byId(invoiceId).chain(found -> found.isEmpty()
                ? Uni.createFrom().failure(new UnknownInvoiceException(invoiceId))
                : timeline.of(invoiceId));
    }

    @WithSession
    public Uni<AccountStatement> statement(String customerId, LocalDate asOf) {
        return customers.byId(customerId).chain(found -> found.isEmpty()
                ? Uni.createFrom().failure(new UnknownCustomerException(customerId))
                : invoices.ofCustomer(customerId).map(list -> AccountStatement.of(customerId, list, asOf)));
    }
}
