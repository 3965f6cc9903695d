package io.relance.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Money that came in, as the bank line or the payer describes it; nothing says yet whose it is.
 *
 * @param payerIban normalised IBAN (see {@link Ibans}), null when unknown
 * @param payerName null when unknown
 * @param remittance the free-text remittance information, null when none
 * @param invoiceReferences invoice numbers the sender stated explicitly (structured remittance), possibly none
 */
public record IncomingPayment(Money amount, LocalDate valueDate, String payerName, String payerIban,
                              String remittance, List<String> invoiceReferences) {

    public IncomingPayment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(valueDate, "valueDate");
        if (!amount.isPositive()) {
            throw new PaymentRuleViolation("amount", "must be positive");
        }
        invoiceReferences = invoiceReferences == null ? List.of() : List.copyOf(invoiceReferences);
    }

    /** Everything the sender wrote that may name invoices. */
    public String referenceText() {
        StringBuilder text = new StringBuilder(remittance == null ? "" : remittance);
        invoiceReferences.forEach(reference -> text.append(' ').append(reference).append(" ;"));
        return text.toString();
    }
}
