package io.relance.invoice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** POST /invoices body: an invoice as the issuer's ERP states it. Amounts are JSON strings or numbers. */
public record IssueInvoiceRequest(
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank @Size(max = 64) String number,
        @NotNull BigDecimal amount,
        @NotBlank String currency,
        @NotNull LocalDate issueDate,
        @NotNull LocalDate dueDate) {
}
