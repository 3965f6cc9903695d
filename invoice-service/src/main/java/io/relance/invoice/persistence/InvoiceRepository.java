package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.Invoice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<InvoiceEntity, UUID> {

    public Uni<Void> add(Invoice invoice) {
        return persist(InvoiceEntity.from(invoice)).replaceWithVoid();
    }

    /** Stores the new balance, status and dispute flag of an invoice already stored. */
    public Uni<Void> update(Invoice invoice) {
        return findById(invoice.id()).chain(entity -> {
            entity.copyBalance(invoice);
            return flush();
        });
    }

    public Uni<Optional<Invoice>> byId(UUID id) {
        return findById(id).map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }

    public Uni<Optional<Invoice>> byNumber(String issuer, String number) {
        return find("issuer = ?1 and invoiceNumber = ?2", issuer, number).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }

    public Uni<Optional<Invoice>> bySourceReference(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }
}
