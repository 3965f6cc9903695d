package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.PaymentLink;
import io.relance.payment.persistence.CheckoutRepository;
import io.relance.payment.persistence.CustomerRepository;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a payment link shows: only its own customer's open invoices and checkouts, read when the link is opened. */
@ApplicationScoped
public class LinkStatement {

    /** @param customerName the legal name when customer-profiles told us, else null */
    public record Statement(String customerId, String customerName, Instant expiresAt, List<OpenItem> invoices) {
    }

    private final OpenItemRepository items;
    private final CustomerRepository customers;
    private final CheckoutRepository checkouts;

    LinkStatement(OpenItemRepository items, CustomerRepository customers, CheckoutRepository checkouts) {
        this.items = items;
        this.customers = customers;
        this.checkouts = checkouts;
    }

    @WithSession
    public Uni<Statement> of(PaymentLink link) {
        return items.openOf(link.customerId()).chain(open -> customers.findById(link.customerId())
                .map(customer -> new Statement(link.customerId(), customer == null ? null : customer.legalName,
                        link.expiresAt(), open.stream().map(OpenItemEntity::toDomain).toList())));
    }

    @WithSession
    public Uni<CheckoutView> checkout(PaymentLink link, UUID checkoutId) {
        return checkouts.ofCustomer(checkoutId, link.customerId()).map(found -> found.map(CheckoutView::of)
                .orElseThrow(() -> new CheckoutNotFoundException(checkoutId)));
    }
}
