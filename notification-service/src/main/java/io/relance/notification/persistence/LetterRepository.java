package io.relance.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<LetterEntity, UUID> {

    public Uni<Void> store(UUID deliveryId, byte[] pdf, Instant now) {
        return findById(deliveryId).chain(existing -> {
            LetterEntity entity = existing != null ? existing : new LetterEntity();
            entity.deliveryId = deliveryId;
            entity.pdf = pdf;
            entity.createdAt = now;
            return existing != null ? Uni.createFrom().voidItem() : persist(entity).replaceWithVoid();
        });
    }

    public Uni<Optional<byte[]>> pdf(UUID deliveryId) {
        return findById(deliveryId).map(entity -> Optional.ofNullable(entity).map(e -> e.pdf));
    }

    /** Letters posted before {@code cutoff}: their PDFs (the debtor's name and address, as posted) are deleted. */
    public Uni<Long> deletePostedBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
