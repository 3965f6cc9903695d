package io.relance.payment.persistence;

import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.ReferenceKeys;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** One invoice as this service knows it; the open amount is kept current by every change so it can be queried. */
@Entity
@Table(name = "open_item")
public class OpenItemEntity {

    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "full_key")
    public String fullKey;
    @Column(name = "digit_key")
    public String digitKey;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(length = 3)
    public String currency;
    @Column(precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal credited = BigDecimal.ZERO;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal allocated = BigDecimal.ZERO;
    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal openAmount = BigDecimal.ZERO;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static OpenItemEntity placeholder(UUID invoiceId, String customerId, Instant now) {
        OpenItemEntity entity = new OpenItemEntity();
        entity.invoiceId = invoiceId;
        entity.customerId = customerId;
        entity.updatedAt = now;
        return entity;
    }

    public boolean isIssued() {
        return amount != null;
    }

    public void issue(String number, LocalDate due, BigDecimal invoiceAmount, String invoiceCurrency, Instant now) {
        invoiceNumber = number;
        dueDate = due;
        amount = invoiceAmount;
        currency = invoiceCurrency;
        fullKey = null;
        digitKey = null;
        for (String key : ReferenceKeys.ofInvoiceNumber(number)) {
            if (key.chars().allMatch(Character::isDigit)) {
                digitKey = key;
            } else {
                fullKey = key;
            }
        }
        touch(now);
    }

    public void credit(BigDecimal creditAmount, Instant now) {
        credited = credited.add(creditAmount);
        touch(now);
    }

    public void allocate(BigDecimal allocation, Instant now) {
        allocated = allocated.add(allocation);
        touch(now);
    }

    public void close(String reason, Instant now) {
        closedReason = reason;
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now;
        openAmount = !isIssued() || closedReason != null ? BigDecimal.ZERO
                : amount.subtract(credited).subtract(allocated).max(BigDecimal.ZERO);
    }

    public OpenItem toDomain() {
        Currency cur = Currency.getInstance(currency);
        return new OpenItem(invoiceId, customerId, invoiceNumber, dueDate,
                new Money(openAmount.setScale(cur.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY), cur));
    }
}
