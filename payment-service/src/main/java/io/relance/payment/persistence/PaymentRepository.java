package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.payment.domain.PaymentStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<PaymentEntity, UUID> {

    public Uni<Optional<PaymentEntity>> byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult().map(Optional::ofNullable);
    }

    /** The payment locked for a change: a collector's match and an unmatch never interleave. */
    public Uni<Optional<PaymentEntity>> forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).map(Optional::ofNullable);
    }

    /** Payments from bank statements that travelled with this end-to-end id, locked for a reversal. */
    public Uni<List<PaymentEntity>> byEndToEndId(String endToEndId) {
        return find("endToEndId = ?1 order by recordedAt", endToEndId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<PaymentEntity>> withStatus(PaymentStatus status, int limit) {
        return find("status = ?1 order by valueDate, recordedAt", status).page(0, limit).list();
    }

    /** The customer's matched payments with unapplied credit, locked while a collector applies it. */
    public Uni<List<PaymentEntity>> withUnappliedCredit(String customerId) {
        return find("customerId = ?1 and status = ?2 and unapplied > 0 order by valueDate, recordedAt",
                customerId, PaymentStatus.MATCHED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Unapplied credit of the customer's matched payments, per currency. */
    public Uni<Map<String, BigDecimal>> unappliedCredit(String customerId) {
        return find("customerId = ?1 and status = ?2 and unapplied > 0", customerId, PaymentStatus.MATCHED).list()
                .map(list -> list.stream().collect(Collectors.groupingBy(p -> p.currency,
                        Collectors.reducing(BigDecimal.ZERO, p -> p.unapplied, BigDecimal::add))));
    }
}
