package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing a collector has to do about a customer: the invoices it concerns, what they still owe and since when.
 *
 * @param since the day the item appeared (the step's day, the day the dispute was opened)
 * @param oldestDueDate the earliest due date of its invoices, from which the days overdue count
 * @param assignee the collector the customer is assigned to; null when nobody is
 */
public record WorkItem(UUID itemId, WorkItemKind kind, String customerId, String assignee, List<UUID> invoiceIds,
                       List<String> invoiceNumbers, LocalDate since, LocalDate oldestDueDate, Money amountOpen) {

    public WorkItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        invoiceIds = List.copyOf(invoiceIds);
        invoiceNumbers = List.copyOf(invoiceNumbers);
        Objects.requireNonNull(oldestDueDate, "oldestDueDate");
        Objects.requireNonNull(amountOpen, "amountOpen");
    }

    /** Days since the oldest due date; zero before it. */
    public long daysOverdue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(oldestDueDate, today));
    }

    /** Amount open × days overdue: what waiting another day costs. */
    public BigDecimal priority(LocalDate today) {
        return amountOpen.amount().multiply(BigDecimal.valueOf(daysOverdue(today)));
    }

    public boolean concerns(UUID invoiceId) {
        return invoiceIds.contains(invoiceId);
    }
}
