package io.relance.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An invoice a customer owes: what was issued, when it falls due, and what is still open. */
public record Invoice(UUID id, String customerId, String number, LocalDate issueDate, LocalDate dueDate,
                      Money amount, Money openAmount, InvoiceStatus status, Instant recordedAt) {

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Issues a new invoice, checking the rules every invoice must keep. */
    public static Invoice issue(String customerId, String number, LocalDate issueDate, LocalDate dueDate,
                                Money amount, Instant now) {
        if (!amount.isPositive()) {
            throw new InvoiceRuleViolation("amount", "must be greater than 0");
        }
        if (dueDate.isBefore(issueDate)) {
            throw new InvoiceRuleViolation("dueDate", "must not be before issueDate " + issueDate);
        }
        return new Invoice(UUID.randomUUID(), customerId, number, issueDate, dueDate, amount, amount,
                InvoiceStatus.OPEN, now);
    }

    /** Names the fields in which a resubmission of this invoice number differs from it. */
    public List<String> differencesFrom(String otherCustomerId, LocalDate otherIssueDate, LocalDate otherDueDate,
                                        Money otherAmount) {
        List<String> fields = new ArrayList<>();
        if (!customerId.equals(otherCustomerId)) {
            fields.add("customerId");
        }
        if (!issueDate.equals(otherIssueDate)) {
            fields.add("issueDate");
        }
        if (!dueDate.equals(otherDueDate)) {
            fields.add("dueDate");
        }
        if (amount.amount().compareTo(otherAmount.amount()) != 0) {
            fields.add("amount");
        }
        if (!amount.currency().equals(otherAmount.currency())) {
            fields.add("currency");
        }
        return fields;
    }
}
