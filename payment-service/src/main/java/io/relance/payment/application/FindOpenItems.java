package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The open invoices of a customer as payment-service knows them: what a collector matches against. */
@ApplicationScoped
public class FindOpenItems {

    private final OpenItemRepository items;

    FindOpenItems(OpenItemRepository items) {
        this.items = items;
    }

    @WithSession
    public Uni<List<OpenItem>> ofCustomer(String customerId) {
        return items.openOf(customerId).map(list -> list.stream().map(OpenItemEntity::toDomain).toList());
    }
}
