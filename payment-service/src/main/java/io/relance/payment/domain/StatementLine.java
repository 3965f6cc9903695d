package io.relance.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One transaction of a bank statement or notification that matters to receivables.
 *
 * @param reference the bank's unique reference of the transaction, stable across re-imports of the statement
 * @param endToEndId the end-to-end id the payment travelled with, null when the bank gives none; a returned direct
 *     debit carries the id of the collection it returns
 * @param returnReason the ISO reason code of a return (for example AM04, MD06), null for a credit
 */
public record StatementLine(Kind kind, String reference, Money amount, LocalDate valueDate, PaymentMethod method,
                            String payerName, String payerIban, String remittance, List<String> invoiceReferences,
                            String endToEndId, String returnReason) {

    /** What the line does to receivables. */
    public enum Kind {
        /** Money in from a customer: becomes a payment. */
        CREDIT,
        /** Money taken back (returned direct debit, reversed credit): reverses the payment it returns. */
        RETURN
    }

    public StatementLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(method, "method");
        invoiceReferences = invoiceReferences == null ? List.of() : List.copyOf(invoiceReferences);
    }
}
