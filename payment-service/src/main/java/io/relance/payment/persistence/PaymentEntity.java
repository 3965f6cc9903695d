package io.relance.payment.persistence;

import io.relance.payment.domain.MatchRule;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.domain.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "payment")
public class PaymentEntity {

    /** Several stated references are stored in one column, one per line. */
    private static final String REFERENCE_SEPARATOR = "\n";

    @Id
    public UUID id;
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;
    @Column(name = "payer_name")
    public String payerName;
    @Column(name = "payer_iban")
    public String payerIban;
    public String remittance;
    @Column(name = "invoice_references", nullable = false)
    public String invoiceReferences;
    @Column(name = "end_to_end_id")
    public String endToEndId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentStatus status;
    @Column(name = "customer_id")
    public String customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule")
    public MatchRule matchRule;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal unapplied = BigDecimal.ZERO;
    @Column(name = "queue_reason")
    public String queueReason;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public List<String> references() {
        return invoiceReferences.isEmpty() ? List.of() : List.of(invoiceReferences.split(REFERENCE_SEPARATOR));
    }

    public void references(List<String> references) {
        invoiceReferences = String.join(REFERENCE_SEPARATOR, references);
    }
}
