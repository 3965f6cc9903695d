package io.relance.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An invoice a customer owes: who issued it, what was issued, when it falls due, and what is still open.
 *
 * @param issuer the issuing company's system: invoice numbers are unique per issuer
 * @param sourceSystem the ERP the invoice came from; null when entered in Relance
 * @param externalId the invoice's id in {@code sourceSystem}; null when entered in Relance
 * @param beyondLegalTerms the due date is past the French legal ceiling: accepted, but flagged
 */
public record Invoice(UUID id, String customerId, String issuer, String number, String sourceSystem,
                      String externalId, LocalDate issueDate, LocalDate dueDate, Money amount, Money openAmount,
                      InvoiceStatus status, boolean beyondLegalTerms, Instant recordedAt) {

    /** The issuer of invoices entered in Relance rather than received from an ERP. */
    public static final String RELANCE_ISSUER = "relance";

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** What an issuer states about an invoice, before it is checked. */
    public record Submission(String customerId, String issuer, String number, String sourceSystem,
                             String externalId, LocalDate issueDate, LocalDate dueDate, Money amount) {
    }

    /** Issues a new invoice, checking the rules every invoice must keep. */
    public static Invoice issue(Submission submission, Instant now) {
        if (!submission.amount().isPositive()) {
            throw new InvoiceRuleViolation("amount", "must be greater than 0");
        }
        if (submission.dueDate().isBefore(submission.issueDate())) {
            throw new InvoiceRuleViolation("dueDate", "must not be before issueDate " + submission.issueDate());
        }
        return new Invoice(UUID.randomUUID(), submission.customerId(), submission.issuer(), submission.number(),
                submission.sourceSystem(), submission.externalId(), submission.issueDate(), submission.dueDate(),
                submission.amount(), submission.amount(), InvoiceStatus.OPEN,
                PaymentTerms.exceedLegalCeiling(submission.issueDate(), submission.dueDate()), now);
    }

    /** Names the fields in which a resubmission of this invoice differs from it. */
    public List<String> differencesFrom(Submission other) {
        List<String> fields = new ArrayList<>();
        if (!customerId.equals(other.customerId())) {
            fields.add("customerId");
        }
        if (!number.equals(other.number())) {
            fields.add("invoiceNumber");
        }
        if (!issueDate.equals(other.issueDate())) {
            fields.add("issueDate");
        }
        if (!dueDate.equals(other.dueDate())) {
            fields.add("dueDate");
        }
        if (amount.amount().compareTo(other.amount().amount()) != 0) {
            fields.add("amount");
        }
        if (!amount.currency().equals(other.amount().currency())) {
            fields.add("currency");
        }
        return fields;
    }
}
