package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The invoice as issued: from {@code issueDate} its amount is receivable, overdue after {@code dueDate}. */
public record Issue(LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency) {

    public Issue {
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
