package io.relance.invoice.api;

import io.relance.invoice.domain.Dispute;
import io.relance.invoice.domain.InvoiceRuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Arrays;

/** Bodies of the dispute endpoints; enumerations are read here so that a wrong value is named with its field. */
public final class DisputeRequests {

    private DisputeRequests() {
    }

    /** POST /invoices/{id}/disputes; {@code comment} is optional. */
    public record Open(@NotBlank String reason, @NotNull BigDecimal disputedAmount, @NotBlank String currency,
                       @Size(max = 1000) String comment) {

        Dispute.Reason parsedReason() {
            return parse(Dispute.Reason.class, "reason", reason);
        }
    }

    /** POST /disputes/{id}/resolution; {@code creditNote} when ACCEPTED, {@code comment} optional. */
    public record Resolve(@NotBlank String outcome, @Valid CreditNote creditNote, @Size(max = 1000) String comment) {

        Dispute.Outcome parsedOutcome() {
            Dispute.Outcome parsed = parse(Dispute.Outcome.class, "outcome", outcome);
            if (parsed == Dispute.Outcome.WITHDRAWN) {
                throw new InvoiceRuleViolation("outcome", "must be ACCEPTED or REJECTED");
            }
            return parsed;
        }
    }

    /** The credit note an accepted dispute issues: its number and the agreed amount. */
    public record CreditNote(@NotBlank @Size(max = 64) String number, @NotNull BigDecimal amount,
                             @NotBlank String currency) {
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvoiceRuleViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
