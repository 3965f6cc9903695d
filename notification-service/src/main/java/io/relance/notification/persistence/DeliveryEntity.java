package io.relance.notification.persistence;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Delivery;
import io.relance.notification.domain.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "delivery")
public class DeliveryEntity {

    @Id
    public UUID id;
    @Column(name = "reminder_id", nullable = false)
    public UUID reminderId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public String recipient;
    @Column(name = "provider_reference")
    public String providerReference;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(precision = 19, scale = 4)
    public BigDecimal cost;
    @Column(name = "cost_currency")
    public String costCurrency;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static DeliveryEntity from(Delivery delivery, Instant now) {
        DeliveryEntity entity = new DeliveryEntity();
        entity.id = delivery.id();
        entity.reminderId = delivery.reminderId();
        entity.customerId = delivery.customerId();
        entity.channel = delivery.channel().name();
        entity.createdAt = delivery.createdAt();
        entity.copy(delivery, now);
        return entity;
    }

    void copy(Delivery delivery, Instant now) {
        status = delivery.status().name();
        attempts = delivery.attempts();
        nextAttemptAt = delivery.nextAttemptAt();
        leaseUntil = delivery.leaseUntil();
        recipient = delivery.recipient();
        providerReference = delivery.providerReference();
        trackingNumber = delivery.trackingNumber();
        cost = delivery.cost();
        costCurrency = delivery.costCurrency();
        failureReason = delivery.failureReason();
        updatedAt = now;
    }

    /** NUMERIC(19,4) reads back with four decimals: give the amount its natural scale, at least cents. */
    private static BigDecimal money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    public Delivery toDomain() {
        return new Delivery(id, reminderId, customerId, Channel.valueOf(channel), createdAt,
                DeliveryStatus.valueOf(status), attempts, nextAttemptAt, leaseUntil, recipient, providerReference,
                trackingNumber, money(cost), costCurrency, failureReason);
    }
}
