package io.relance.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Part of a payment (or of its reversal) applied to one invoice. */
public record PaymentLine(UUID paymentId, UUID invoiceId, Money amount, LocalDate valueDate, boolean reversal) {

    public Invoice applyTo(Invoice invoice) {
        return reversal ? invoice.reversePayment(amount) : invoice.registerPayment(amount);
    }
}
