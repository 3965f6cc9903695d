package io.relance.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A credit note lowering one invoice; its number is unique per issuer, like invoice numbers. */
public record CreditNote(UUID id, UUID invoiceId, String customerId, String issuer, String number,
                         LocalDate issueDate, Money amount, String reason) {

    /** A resubmission of this credit-note number is the same credit note when it names the same invoice and amount. */
    public boolean sameAs(UUID otherInvoiceId, Money otherAmount) {
        return invoiceId.equals(otherInvoiceId) && amount.equals(otherAmount);
    }
}
