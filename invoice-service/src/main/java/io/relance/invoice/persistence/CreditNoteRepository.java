package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.CreditNote;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CreditNoteRepository implements PanacheRepositoryBase<CreditNoteEntity, UUID> {

    public Uni<Void> add(CreditNote note) {
        return persist(CreditNoteEntity.from(note)).replaceWithVoid();
    }

    public Uni<Optional<CreditNote>> byNumber(String issuer, String number) {
        return find("issuer = ?1 and number = ?2", issuer, number).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(CreditNoteEntity::toDomain));
    }
}
