package io.relance.dunning.persistence;

import io.relance.dunning.domain.Reminder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "reminder")
public class ReminderEntity {

    @Id
    @Column(name = "reminder_id")
    public UUID reminderId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "step_index")
    public int stepIndex;
    public String channels;
    @Column(name = "business_date")
    public LocalDate businessDate;
    @Column(name = "total_open")
    public BigDecimal totalOpen;
    public String currency;
    public String content;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String outcome;
    @Column(name = "outcome_channel")
    public String outcomeChannel;
    @Column(name = "outcome_detail")
    public String outcomeDetail;
    @Column(name = "outcome_at")
    public Instant outcomeAt;

    static ReminderEntity of(Reminder reminder, Instant requestedAt) {
        ReminderEntity entity = new ReminderEntity();
        entity.reminderId = reminder.reminderId();
        entity.customerId = reminder.customerId();
        entity.stepIndex = reminder.stepIndex();
        entity.channels = String.join(",", reminder.channels().stream().map(Enum::name).toList());
        entity.businessDate = reminder.businessDate();
        entity.totalOpen = reminder.totalOpen().amount();
        entity.currency = reminder.currency().getCurrencyCode();
        entity.content = Json.write(reminder);
        entity.requestedAt = requestedAt;
        entity.outcome = StoredReminder.Outcome.REQUESTED.name();
        return entity;
    }

    StoredReminder toStored() {
        return new StoredReminder(Json.read(content, Reminder.class), requestedAt,
                StoredReminder.Outcome.valueOf(outcome), outcomeChannel, outcomeDetail, outcomeAt);
    }
}
