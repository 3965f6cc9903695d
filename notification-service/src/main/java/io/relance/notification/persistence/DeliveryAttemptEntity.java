package io.relance.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "delivery_attempt")
@IdClass(DeliveryAttemptEntity.Key.class)
public class DeliveryAttemptEntity {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Id
    public int number;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String outcome;
    public String detail;

    public static class Key implements Serializable {
        public UUID deliveryId;
        public int number;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(deliveryId, key.deliveryId) && number == key.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(deliveryId, number);
        }
    }
}
