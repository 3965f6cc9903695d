package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<CandidateEntity, UUID> {

    public Uni<List<CandidateEntity>> ofPayments(Collection<UUID> paymentIds) {
        return paymentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("paymentId in ?1 order by rank", paymentIds).list();
    }

    public Uni<Void> removeOfPayment(UUID paymentId) {
        return delete("paymentId", paymentId).replaceWithVoid();
    }
}
