package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CheckoutRepository implements PanacheRepositoryBase<CheckoutEntity, UUID> {

    /** Locked, so that two deliveries of one confirmation cannot both mark it paid. */
    public Uni<Optional<CheckoutEntity>> byProviderReference(String provider, String reference) {
        return find("provider = ?1 and providerReference = ?2", provider, reference)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().map(Optional::ofNullable);
    }

    /** The checkout only when it belongs to {@code customerId}: a link never reads another customer's checkout. */
    public Uni<Optional<CheckoutEntity>> ofCustomer(UUID id, String customerId) {
        return find("id = ?1 and customerId = ?2", id, customerId).firstResult().map(Optional::ofNullable);
    }
}
