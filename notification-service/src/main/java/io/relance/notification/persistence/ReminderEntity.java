package io.relance.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "reminder")
public class ReminderEntity {

    @Id
    @Column(name = "reminder_id")
    public UUID reminderId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "template_key", nullable = false)
    public String templateKey;
    @Column(nullable = false)
    public String tone;
    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;
    /** The whole reminder as JSON: the statement is only ever read back whole, to render it. */
    @Column(nullable = false)
    public String statement;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
