package io.relance.invoice.persistence;

import io.relance.invoice.domain.Dispute;
import io.relance.invoice.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "dispute")
public class DisputeEntity {

    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Dispute.Reason reason;
    @Column(name = "disputed_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal disputedAmount;
    @Column(nullable = false, length = 3)
    public String currency;
    public String comment;
    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;
    @Enumerated(EnumType.STRING)
    public Dispute.Outcome outcome;
    @Column(name = "resolved_on")
    public LocalDate resolvedOn;
    @Column(name = "resolution_comment")
    public String resolutionComment;

    static DisputeEntity from(Dispute dispute) {
        DisputeEntity entity = new DisputeEntity();
        entity.id = dispute.id();
        entity.invoiceId = dispute.invoiceId();
        entity.customerId = dispute.customerId();
        entity.reason = dispute.reason();
        entity.disputedAmount = dispute.disputedAmount().amount();
        entity.currency = dispute.disputedAmount().currency().getCurrencyCode();
        entity.comment = dispute.comment();
        entity.openedOn = dispute.openedOn();
        entity.copyResolution(dispute);
        return entity;
    }

    void copyResolution(Dispute dispute) {
        outcome = dispute.outcome();
        resolvedOn = dispute.resolvedOn();
        resolutionComment = dispute.resolutionComment();
    }

    Dispute toDomain() {
        return new Dispute(id, invoiceId, customerId, reason,
                new Money(disputedAmount.stripTrailingZeros(), Currency.getInstance(currency)), comment, openedOn,
                outcome, resolvedOn, resolutionComment);
    }
}
