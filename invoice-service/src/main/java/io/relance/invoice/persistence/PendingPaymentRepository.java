package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.PaymentLine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Payments that named an invoice before it arrived, kept until it does. */
@ApplicationScoped
public class PendingPaymentRepository implements PanacheRepositoryBase<PendingPaymentEntity, Long> {

    public Uni<Void> keep(PaymentLine line) {
        return persist(PendingPaymentEntity.from(line)).replaceWithVoid();
    }

    /** Which of these invoices have lines waiting for them. */
    public Uni<Set<UUID>> invoicesWaitedFor(Collection<UUID> invoiceIds) {
        return getSession().chain(session -> session.createSelectionQuery(
                "select distinct p.invoiceId from PendingPaymentEntity p where p.invoiceId in :ids", UUID.class)
                .setParameter("ids", invoiceIds).getResultList()).map(Set::copyOf);
    }

    /** The lines kept for the invoice, in arrival order; they are removed, to be applied by the caller. */
    public Uni<List<PaymentLine>> takeFor(UUID invoiceId) {
        return list("invoiceId = ?1 order by id", invoiceId).chain(entities -> {
            List<PaymentLine> lines = entities.stream().map(PendingPaymentEntity::toDomain).toList();
            return entities.isEmpty() ? Uni.createFrom().item(lines)
                    : delete("invoiceId", invoiceId).replaceWith(lines);
        });
    }
}
