package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.customer.Customer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, String> {

    public Uni<Optional<Customer>> byId(String id) {
        return findById(id).map(entity -> Optional.ofNullable(entity).map(CustomerEntity::toDomain));
    }

    /** Which of these customer ids exist. */
    public Uni<Set<String>> existingIds(Collection<String> ids) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select c.id from CustomerEntity c where c.id in :ids", String.class).setParameter("ids", ids)
                .getResultList()).map(Set::copyOf);
    }

    public Uni<Optional<Customer>> bySourceReference(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(CustomerEntity::toDomain));
    }

    /** Inserts the customer, or overwrites the stored row of the same id. */
    public Uni<Void> save(Customer customer, Instant now) {
        return findById(customer.id()).chain(existing -> {
            if (existing == null) {
                return persist(CustomerEntity.from(customer, now)).replaceWithVoid();
            }
            existing.copy(customer, now);
            return flush();
        });
    }
}
