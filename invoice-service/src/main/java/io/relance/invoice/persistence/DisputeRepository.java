package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.Dispute;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<DisputeEntity, UUID> {

    public Uni<Void> add(Dispute dispute) {
        return persist(DisputeEntity.from(dispute)).replaceWithVoid();
    }

    public Uni<Optional<Dispute>> byId(UUID id) {
        return findById(id).map(entity -> Optional.ofNullable(entity).map(DisputeEntity::toDomain));
    }

    public Uni<Optional<Dispute>> openOn(UUID invoiceId) {
        return find("invoiceId = ?1 and outcome is null", invoiceId).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(DisputeEntity::toDomain));
    }

    public Uni<Void> resolve(Dispute dispute) {
        return findById(dispute.id()).chain(entity -> {
            entity.copyResolution(dispute);
            return flush();
        });
    }
}
