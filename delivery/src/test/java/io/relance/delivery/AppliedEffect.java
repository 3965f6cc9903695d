package io.relance.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A deliberately non-idempotent effect: every application adds a row, so a second application shows. */
@Entity
@Table(name = "applied_effect")
public class AppliedEffect extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String note;

    public static AppliedEffect of(UUID eventId, String note) {
        AppliedEffect effect = new AppliedEffect();
        effect.eventId = eventId;
        effect.note = note;
        return effect;
    }
}
