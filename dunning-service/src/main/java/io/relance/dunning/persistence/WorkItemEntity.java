package io.relance.dunning.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "work_item")
public class WorkItemEntity {

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    public String kind;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "reminder_id")
    public UUID reminderId;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    @Column(name = "done_at")
    public Instant doneAt;
    public String outcome;
}
