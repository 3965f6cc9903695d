package io.relance.invoice.persistence;

import io.relance.invoice.domain.CreditNote;
import io.relance.invoice.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "credit_note")
public class CreditNoteEntity {

    @Id
    public UUID id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public String issuer;
    @Column(name = "credit_note_number", nullable = false)
    public String number;
    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    public String reason;

    static CreditNoteEntity from(CreditNote note) {
        CreditNoteEntity entity = new CreditNoteEntity();
        entity.id = note.id();
        entity.invoiceId = note.invoiceId();
        entity.customerId = note.customerId();
        entity.issuer = note.issuer();
        entity.number = note.number();
        entity.issueDate = note.issueDate();
        entity.amount = note.amount().amount();
        entity.currency = note.amount().currency().getCurrencyCode();
        entity.reason = note.reason();
        return entity;
    }

    CreditNote toDomain() {
        return new CreditNote(id, invoiceId, customerId, issuer, number, issueDate,
                new Money(amount.stripTrailingZeros(), Currency.getInstance(currency)), reason);
    }
}
