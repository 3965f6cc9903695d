package io.relance.notification.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.notification.domain.Delivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<DeliveryEntity, UUID> {

    /** Due rows, locked for this transaction; rows another instance holds are skipped, not waited for. */
    private static final String CLAIM = """
            SELECT * FROM delivery
            WHERE ((status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?1) OR (status = 'SENDING' AND lease_until <= ?1))
              AND (?2 OR channel IN ('PHONE_TASK', 'COLLECTION_AGENCY'))
            ORDER BY next_attempt_at
            LIMIT ?3
            FOR UPDATE SKIP LOCKED""";

    public Uni<Void> add(Delivery delivery, Instant now) {
        return persist(DeliveryEntity.from(delivery, now)).replaceWithVoid();
    }

    /** Due deliveries; outside the sending window only those that carry no message. */
    public Uni<List<DeliveryEntity>> claimDue(Instant now, boolean windowOpen, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, DeliveryEntity.class)
                .setParameter(1, now)
                .setParameter(2, windowOpen)
                .setParameter(3, limit)
                .getResultList());
    }

    public Uni<DeliveryEntity> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Void> save(DeliveryEntity entity, Delivery delivery, Instant now) {
        entity.copy(delivery, now);
        return Uni.createFrom().voidItem();
    }

    public Uni<Void> startAttempt(UUID deliveryId, int number, Instant now) {
        DeliveryAttemptEntity attempt = new DeliveryAttemptEntity();
        attempt.deliveryId = deliveryId;
        attempt.number = number;
        attempt.startedAt = now;
        return Panache.getSession().chain(session -> session.persist(attempt));
    }

    public Uni<Void> finishAttempt(UUID deliveryId, int number, Instant now, String outcome, String detail) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update DeliveryAttemptEntity set finishedAt = ?1, outcome = ?2, detail = ?3"
                        + " where deliveryId = ?4 and number = ?5")
                .setParameter(1, now).setParameter(2, outcome).setParameter(3, detail)
                .setParameter(4, deliveryId).setParameter(5, number)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<DeliveryEntity>> byCustomer(String customerId) {
        return list("customerId = ?1 order by createdAt, channel", customerId);
    }

    public Uni<List<DeliveryEntity>> byInvoice(UUID invoiceId) {
        return list("reminderId in (select i.reminderId from ReminderInvoiceEntity i where i.invoiceId = ?1)"
                + " order by createdAt, channel", invoiceId);
    }

    public Uni<List<DeliveryAttemptEntity>> attemptsOf(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from DeliveryAttemptEntity where deliveryId in ?1 order by deliveryId, number",
                        DeliveryAttemptEntity.class)
                .setParameter(1, deliveryIds)
                .getResultList());
    }

    /** An erased customer's addresses leave the history; statuses, dates and costs stay for the KPIs. */
    public Uni<Integer> forgetRecipients(String customerId) {
        return update("recipient = null where customerId = ?1", customerId);
    }

    /**
     * Deliveries finished before {@code cutoff} lose their recipient address and the providers' failure messages
     * (which quote the address); ids, channel, status, attempts, dates and cost stay for the KPIs and the audit.
     */
    public Uni<Integer> forgetMessagesFinishedBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        UPDATE delivery_attempt a SET detail = NULL
                        FROM delivery d
                        WHERE a.delivery_id = d.id AND d.status IN ('SENT', 'FAILED') AND d.updated_at < ?1
                          AND a.outcome <> 'SENT' AND a.detail IS NOT NULL""")
                .setParameter(1, cutoff).executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                UPDATE delivery SET recipient = NULL, failure_reason = NULL
                                WHERE status IN ('SENT', 'FAILED') AND updated_at < ?1
                                  AND (recipient IS NOT NULL OR failure_reason IS NOT NULL)""")
                        .setParameter(1, cutoff).executeUpdate()));
    }
}
