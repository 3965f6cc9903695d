package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<AllocationEntity, UUID> {

    public Uni<List<AllocationEntity>> ofPayment(UUID paymentId) {
        return find("paymentId = ?1 order by invoiceId", paymentId).list();
    }

    public Uni<List<AllocationEntity>> ofPayments(Collection<UUID> paymentIds) {
        return paymentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("paymentId in ?1 order by invoiceId", paymentIds).list();
    }

    public Uni<Void> removeOfPayment(UUID paymentId) {
        return delete("paymentId", paymentId).replaceWithVoid();
    }
}
