package io.relance.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "letter")
public class LetterEntity {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;
    @Column(nullable = false)
    public byte[] pdf;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
