package io.relance.invoice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer contests (part of) an invoice. Open until resolved: accepted (settled by a credit note), rejected, or
 * withdrawn (the customer paid in full).
 *
 * @param comment null when none was written
 * @param outcome null while the dispute is open
 */
public record Dispute(UUID id, UUID invoiceId, String customerId, Reason reason, Money disputedAmount,
                      String comment, LocalDate openedOn, Outcome outcome, LocalDate resolvedOn,
                      String resolutionComment) {

    public enum Reason { PRICE, QUANTITY, QUALITY, NOT_RECEIVED, DUPLICATE, OTHER }

    public enum Outcome { ACCEPTED, REJECTED, WITHDRAWN }

    public Dispute {
        Objects.requireNonNull(id, "id");
    }

    /** Opens a dispute; one open dispute per invoice, on an invoice that still has something open. */
    public static Dispute open(Invoice invoice, Reason reason, Money disputedAmount, String comment, LocalDate today) {
        if (invoice.disputed()) {
            throw new InvoiceRuleViolation("invoiceId", "already has an open dispute; resolve it first");
        }
        if (invoice.status().isFinal() || !invoice.openAmount().isPositive()) {
            throw new InvoiceRuleViolation("invoiceId", "only an invoice with an open balance can be disputed");
        }
        if (!disputedAmount.isPositive()) {
            throw new InvoiceRuleViolation("disputedAmount", "must be greater than 0");
        }
        if (disputedAmount.isGreaterThan(invoice.openAmount())) {
            throw new InvoiceRuleViolation("disputedAmount",
                    "must not exceed the open amount " + invoice.openAmount().amount().toPlainString());
        }
        return new Dispute(UUID.randomUUID(), invoice.id(), invoice.customerId(), reason, disputedAmount, comment,
                today, null, null, null);
    }

    public boolean isOpen() {
        return outcome == null;
    }

    public Dispute resolve(Outcome how, LocalDate on, String note) {
        if (!isOpen()) {
            throw new InvoiceRuleViolation("disputeId", "was already resolved as " + outcome);
        }
        if (on.isBefore(openedOn)) {
            throw new InvoiceRuleViolation("resolvedOn", "must not be before the opening date " + openedOn);
        }
        return new Dispute(id, invoiceId, customerId, reason, disputedAmount, comment, openedOn, how, on, note);
    }
}
