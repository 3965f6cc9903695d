package io.relance.invoice.persistence;

import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.PaymentLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

@Entity
@Table(name = "pending_payment")
public class PendingPaymentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;
    @Column(nullable = false)
    public boolean reversal;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;

    static PendingPaymentEntity from(PaymentLine line) {
        PendingPaymentEntity entity = new PendingPaymentEntity();
        entity.invoiceId = line.invoiceId();
        entity.paymentId = line.paymentId();
        entity.reversal = line.reversal();
        entity.amount = line.amount().amount();
        entity.currency = line.amount().currency().getCurrencyCode();
        entity.valueDate = line.valueDate();
        return entity;
    }

    PaymentLine toDomain() {
        return new PaymentLine(paymentId, invoiceId, new Money(amount.stripTrailingZeros(), Currency.getInstance(currency)),
                valueDate, reversal);
    }
}
