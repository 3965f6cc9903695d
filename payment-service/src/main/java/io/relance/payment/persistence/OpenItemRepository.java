package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpenItemRepository implements PanacheRepositoryBase<OpenItemEntity, UUID> {

    /** The row of the invoice, created empty if no event about it was read yet (events may come out of order). */
    public Uni<OpenItemEntity> getOrCreate(UUID invoiceId, String customerId, Instant now) {
        return findById(invoiceId, LockModeType.PESSIMISTIC_WRITE).chain(found -> found != null
                ? Uni.createFrom().item(found)
                : persist(OpenItemEntity.placeholder(invoiceId, customerId, now)));
    }

    /** Issued invoices, locked until the transaction ends so two payments cannot both settle one balance. */
    public Uni<List<OpenItemEntity>> byKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("amount is not null and (fullKey in ?1 or digitKey in ?1)", keys)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<OpenItemEntity>> ofCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("amount is not null and customerId in ?1", customerIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Read only: the customer's issued invoices with a balance, oldest due first. */
    public Uni<List<OpenItemEntity>> openOf(String customerId) {
        return find("customerId = ?1 and openAmount > 0 order by dueDate, invoiceNumber", customerId).list();
    }

    public Uni<List<OpenItemEntity>> withOpenAmount(String currency, BigDecimal openAmount, int limit) {
        return find("currency = ?1 and openAmount = ?2 and openAmount > 0 order by dueDate", currency, openAmount)
                .page(0, limit).list();
    }

    public Uni<List<OpenItemEntity>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("invoiceId in ?1", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
