package io.relance.payment.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "payment_allocation")
public class AllocationEntity {

    @Id
    public UUID id;
    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    public static AllocationEntity of(UUID paymentId, UUID invoiceId, BigDecimal amount) {
        AllocationEntity entity = new AllocationEntity();
        entity.id = UUID.randomUUID();
        entity.paymentId = paymentId;
        entity.invoiceId = invoiceId;
        entity.amount = amount;
        return entity;
    }
}
