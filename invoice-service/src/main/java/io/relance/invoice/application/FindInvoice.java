package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.persistence.InvoiceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FindInvoice {

    private final InvoiceRepository invoices;

    FindInvoice(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @WithSession
    public Uni<Optional<Invoice>> byId(UUID id) {
        return invoices.byId(id);
    }
}
