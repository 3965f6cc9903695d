package io.relance.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices to list, every criterion optional (null), and where the page starts: after the invoice
 * ({@code afterDueDate}, {@code afterId}) in (due date, id) order, so pages stay stable while invoices are added.
 *
 * @param overdue true: only overdue invoices as of {@code today}; false: only those not overdue
 */
public record InvoiceFilter(String customerId, InvoiceStatus status, Boolean overdue, LocalDate dueFrom,
                            LocalDate dueTo, BigDecimal minAmount, BigDecimal maxAmount, LocalDate afterDueDate,
                            UUID afterId, int limit, LocalDate today) {

    public static final int MAX_LIMIT = 500;

    public InvoiceFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvoiceRuleViolation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw new InvoiceRuleViolation("dueTo", "must not be before dueFrom");
        }
        if (minAmount != null && maxAmount != null && maxAmount.compareTo(minAmount) < 0) {
            throw new InvoiceRuleViolation("maxAmount", "must not be below minAmount");
        }
        if ((afterDueDate == null) != (afterId == null)) {
            throw new InvoiceRuleViolation("after", "must be a cursor returned as 'next' by a previous page");
        }
    }
}
