package io.relance.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "suppressed_recipient")
@IdClass(SuppressedRecipientEntity.Key.class)
public class SuppressedRecipientEntity {

    @Id
    public String channel;
    @Id
    public String recipient;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public String reason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public String channel;
        public String recipient;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(channel, key.channel)
                    && Objects.equals(recipient, key.recipient);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channel, recipient);
        }
    }
}
