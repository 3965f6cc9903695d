package io.relance.payment.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "checkout")
public class CheckoutEntity {

    /** OPEN until the provider confirms the payment, then PAID. */
    public enum Status { OPEN, PAID }

    private static final String SEPARATOR = "\n";

    @Id
    public UUID id;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(nullable = false)
    public String provider;
    @Column(name = "provider_reference", nullable = false)
    public String providerReference;
    @Column(name = "redirect_url", nullable = false)
    public String redirectUrl;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "invoice_numbers", nullable = false)
    public String invoiceNumbers;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "paid_at")
    public Instant paidAt;

    public List<String> numbers() {
        return List.of(invoiceNumbers.split(SEPARATOR));
    }

    public void numbers(List<String> numbers) {
        invoiceNumbers = String.join(SEPARATOR, numbers);
    }
}
