package io.relance.invoice.persistence;

import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceStatus;
import io.relance.invoice.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "invoice")
public class InvoiceEntity {

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public String issuer;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "source_system")
    public String sourceSystem;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "issue_date", nullable = false)
    public LocalDate issueDate;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal openAmount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;
    @Column(name = "credited_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal creditedAmount;
    @Column(name = "paid_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal paidAmount;
    @Column(nullable = false)
    public boolean disputed;
    @Column(name = "beyond_legal_terms", nullable = false)
    public boolean beyondLegalTerms;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static InvoiceEntity from(Invoice invoice) {
        InvoiceEntity entity = new InvoiceEntity();
        entity.id = invoice.id();
        entity.customerId = invoice.customerId();
        entity.issuer = invoice.issuer();
        entity.invoiceNumber = invoice.number();
        entity.sourceSystem = invoice.sourceSystem();
        entity.externalId = invoice.externalId();
        entity.beyondLegalTerms = invoice.beyondLegalTerms();
        entity.issueDate = invoice.issueDate();
        entity.dueDate = invoice.dueDate();
        entity.amount = invoice.amount().amount();
        entity.currency = invoice.amount().currency().getCurrencyCode();
        entity.copyBalance(invoice);
        entity.createdAt = invoice.recordedAt();
        return entity;
    }

    /** What changes after issue: the balance, the status and the dispute flag. */
    void copyBalance(Invoice invoice) {
        openAmount = invoice.openAmount().amount();
        creditedAmount = invoice.credited().amount();
        paidAmount = invoice.paid().amount();
        status = invoice.status();
        disputed = invoice.disputed();
    }

    Invoice toDomain() {
        Currency cur = Currency.getInstance(currency);
        return new Invoice(id, customerId, issuer, invoiceNumber, sourceSystem, externalId, issueDate, dueDate,
                money(amount, cur), money(creditedAmount, cur), money(paidAmount, cur), status, disputed,
                beyondLegalTerms, createdAt);
    }

    private static Money money(BigDecimal stored, Currency currency) {
        return new Money(stored.stripTrailingZeros(), currency);
    }
}
