package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntity, Long> {

    public Uni<Void> record(TimelineEntry entry) {
        return persist(TimelineEntity.from(entry)).replaceWithVoid();
    }

    public Uni<List<TimelineEntry>> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by id", invoiceId)
                .map(entities -> entities.stream().map(TimelineEntity::toDomain).toList());
    }
}
