package io.relance.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.notification.domain.Contact;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<ContactEntity, String> {

    public Uni<Optional<Contact>> byCustomer(String customerId) {
        return findById(customerId).map(entity -> Optional.ofNullable(entity).map(ContactEntity::toDomain));
    }

    /** Keeps the newer of the stored profile and this one; false when this one was older and ignored. */
    public Uni<Boolean> keepNewest(Contact contact) {
        return findById(contact.customerId()).chain(existing -> {
            if (existing != null && !contact.isNewerThan(existing.toDomain())) {
                return Uni.createFrom().item(Boolean.FALSE);
            }
            ContactEntity entity = existing != null ? existing : new ContactEntity();
            entity.copy(contact);
            return (existing != null ? Uni.createFrom().item(entity) : persist(entity)).replaceWith(Boolean.TRUE);
        });
    }

    public Uni<Long> erase(String customerId) {
        return delete("customerId", customerId);
    }
}
