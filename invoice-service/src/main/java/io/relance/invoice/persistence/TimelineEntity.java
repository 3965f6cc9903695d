package io.relance.invoice.persistence;

import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.TimelineEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "invoice_timeline")
public class TimelineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "business_date", nullable = false)
    public LocalDate businessDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineEntry.Kind kind;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(length = 3)
    public String currency;
    public String reference;
    public String detail;

    static TimelineEntity from(TimelineEntry entry) {
        TimelineEntity entity = new TimelineEntity();
        entity.invoiceId = entry.invoiceId();
        entity.occurredAt = entry.recordedAt();
        entity.businessDate = entry.businessDate();
        entity.kind = entry.kind();
        entity.amount = entry.amount() == null ? null : entry.amount().amount();
        entity.currency = entry.amount() == null ? null : entry.amount().currency().getCurrencyCode();
        entity.reference = entry.reference();
        entity.detail = entry.detail();
        return entity;
    }

    TimelineEntry toDomain() {
        Money money = amount == null ? null : new Money(amount.stripTrailingZeros(), Currency.getInstance(currency));
        return new TimelineEntry(invoiceId, kind, businessDate, money, reference, detail, occurredAt);
    }
}
