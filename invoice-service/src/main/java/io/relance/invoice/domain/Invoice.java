package io.relance.invoice.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An invoice a customer owes: who issued it, what was issued, when it falls due, and what lowered it since
 * (credit notes, payments). Its open amount and status follow from these, except once cancelled or written off.
 *
 * @param issuer the issuing company's system: invoice numbers are unique per issuer
 * @param sourceSystem the ERP the invoice came from; null when entered in Relance
 * @param externalId the invoice's id in {@code sourceSystem}; null when entered in Relance
 * @param credited total of the credit notes on this invoice
 * @param paid total of the payments applied to it, net of reversals
 * @param status OPEN, PARTIALLY_PAID, PAID, CREDITED from the balance; CANCELLED and WRITTEN_OFF are final
 * @param disputed a dispute is open on it
 * @param beyondLegalTerms the due date is past the French legal ceiling: accepted, but flagged
 */
public record Invoice(UUID id, String customerId, String issuer, String number, String sourceSystem,
                      String externalId, LocalDate issueDate, LocalDate dueDate, Money amount, Money credited,
                      Money paid, InvoiceStatus status, boolean disputed, boolean beyondLegalTerms,
                      Instant recordedAt) {

    /** The issuer of invoices entered in Relance rather than received from an ERP. */
    public static final String RELANCE_ISSUER = "relance";

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** What an issuer states about an invoice, before it is checked. */
    public record Submission(String customerId, String issuer, String number, String sourceSystem,
                             String externalId, LocalDate issueDate, LocalDate dueDate, Money amount) {

        /**
         * The same invoice always gets the same id, derived from its source reference (or issuer and number), so a
         * payment that names it can be kept before the invoice arrives, and a replay rebuilds the same ids.
         */
        public UUID invoiceId() {
            String name = sourceSystem == null ? "issuer:" + issuer + "/" + number : "source:" + sourceSystem + "/" + externalId;
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One string per (source system, external id), for sets of references. */
    public static String sourceKey(String sourceSystem, String externalId) {
        return sourceSystem + '\u0000' + externalId;
    }

    /** One string per (issuer, number), for sets of numbers. */
    public static String numberKey(String issuer, String number) {
        return issuer + '\u0000' + number;
    }

    /** Issues a new invoice, checking the rules every invoice must keep. */
    public static Invoice issue(Submission submission, Instant now) {
        String numberField = submission.sourceSystem() == null ? "number" : "invoiceNumber";
        bounded("customerId", submission.customerId(), MAX_ID_LENGTH);
        bounded(numberField, submission.number(), MAX_ID_LENGTH);
        bounded("sourceSystem", submission.sourceSystem(), MAX_ID_LENGTH);
        bounded("externalId", submission.externalId(), MAX_EXTERNAL_ID_LENGTH);
        if (!submission.amount().isPositive()) {
            throw new InvoiceRuleViolation("amount", "must be greater than 0");
        }
        if (submission.dueDate().isBefore(submission.issueDate())) {
            throw new InvoiceRuleViolation("dueDate", "must not be before issueDate " + submission.issueDate());
        }
        Money zero = Money.zero(submission.amount().currency());
        return new Invoice(submission.invoiceId(), submission.customerId(), submission.issuer(), submission.number(),
                submission.sourceSystem(), submission.externalId(), submission.issueDate(), submission.dueDate(),
                submission.amount(), zero, zero, InvoiceStatus.OPEN, false,
                PaymentTerms.exceedLegalCeiling(submission.issueDate(), submission.dueDate()), now);
    }

    /** Longest customer id, invoice number and source system: what an index entry and a reminder can carry. */
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_EXTERNAL_ID_LENGTH = 200;

    private static void bounded(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvoiceRuleViolation(field, "must be at most " + maxLength + " characters");
        }
    }

    /** What is still owed: nothing once cancelled or written off; negative when overpaid. */
    public Money openAmount() {
        return status.isFinal() ? Money.zero(amount.currency()) : amount.minus(credited).minus(paid);
    }

    /** A credit note lowers the balance; it may not exceed what is still open. */
    public Invoice credit(Money creditAmount) {
        requireNotFinal("credited");
        if (!creditAmount.isPositive()) {
            throw new InvoiceRuleViolation("amount", "must be greater than 0");
        }
        if (creditAmount.isGreaterThan(openAmount())) {
            throw new InvoiceRuleViolation("amount", "must not exceed the open amount " + openAmount().amount().toPlainString());
        }
        return withBalance(credited.plus(creditAmount), paid);
    }

    /** Payments are facts from payment-service: applied whatever the status, so that the totals stay true. */
    public Invoice registerPayment(Money payment) {
        return withBalance(credited, paid.plus(payment));
    }

    public Invoice reversePayment(Money reversal) {
        return withBalance(credited, paid.minus(reversal));
    }

    /** Cancelling is for an invoice issued in error: refused once money was applied to it. */
    public Invoice cancel() {
        requireNotFinal("cancelled");
        if (paid.isPositive()) {
            throw new InvoiceRuleViolation("status", "a paid invoice cannot be cancelled; issue a credit note instead");
        }
        return withStatus(InvoiceStatus.CANCELLED);
    }

    /** Writes the open balance off as bad debt. */
    public Invoice writeOff() {
        requireNotFinal("written off");
        if (!openAmount().isPositive()) {
            throw new InvoiceRuleViolation("status", "only an invoice with an open balance can be written off");
        }
        return withStatus(InvoiceStatus.WRITTEN_OFF);
    }

    public Invoice markDisputed(boolean isDisputed) {
        return new Invoice(id, customerId, issuer, number, sourceSystem, externalId, issueDate, dueDate, amount,
                credited, paid, status, isDisputed, beyondLegalTerms, recordedAt);
    }

    public boolean isOverdueOn(LocalDate day) {
        return openAmount().isPositive() && day.isAfter(dueDate);
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

    private void requireNotFinal(String action) {
        if (status.isFinal()) {
            throw new InvoiceRuleViolation("status", "a " + status + " invoice cannot be " + action);
        }
    }

    private Invoice withBalance(Money newCredited, Money newPaid) {
        InvoiceStatus newStatus = status.isFinal() ? status : balanceStatus(amount, newCredited, newPaid);
        return new Invoice(id, customerId, issuer, number, sourceSystem, externalId, issueDate, dueDate, amount,
                newCredited, newPaid, newStatus, disputed, beyondLegalTerms, recordedAt);
    }

    private Invoice withStatus(InvoiceStatus newStatus) {
        return new Invoice(id, customerId, issuer, number, sourceSystem, externalId, issueDate, dueDate, amount,
                credited, paid, newStatus, disputed, beyondLegalTerms, recordedAt);
    }

    private static InvoiceStatus balanceStatus(Money amount, Money credited, Money paid) {
        boolean settled = !amount.minus(credited).minus(paid).isPositive();
        if (settled) {
            return paid.isPositive() ? InvoiceStatus.PAID : InvoiceStatus.CREDITED;
        }
        return paid.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.OPEN;
    }
}
