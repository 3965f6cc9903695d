package io.relance.dunning.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "case_history")
public class HistoryEntryEntity {

    @Id
    @Column(name = "entry_id")
    public UUID entryId;
    // Filled by the database: the order entries were recorded in, even within one instant of business time.
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "invoice_ids")
    public String invoiceIds;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "business_date")
    public LocalDate businessDate;
    public String kind;
    public String channel;
    @Column(name = "reminder_id")
    public UUID reminderId;
    public String detail;
}
