package io.relance.invoice.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** POST /invoices/{id}/credit-notes body; {@code reason} is optional. */
public record CreditNoteRequest(@NotBlank @Size(max = 64) String number, @NotNull BigDecimal amount,
                                @NotBlank String currency, @NotNull LocalDate issueDate,
                                @Size(max = 500) String reason) {
}
