package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a collector reports after calling about a worklist item. A promise to pay names its date and amount, and
 * the invoice it is for when the item concerns several.
 */
public record CallReport(CallOutcome outcome, LocalDate payBy, BigDecimal amount, UUID invoiceId, String note) {

    public CallReport {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Checks the report against its item; returns the invoice a promise is for, empty for other outcomes. */
    public Optional<UUID> promisedInvoice(WorkItem item) {
        if (invoiceId != null && !item.concerns(invoiceId)) {
            throw new DunningRuleViolation("invoiceId", "must be one of the item's invoices " + item.invoiceIds());
        }
        if (outcome != CallOutcome.PROMISE_TO_PAY) {
            return Optional.empty();
        }
        if (payBy == null) {
            throw new DunningRuleViolation("payBy", "must be given for a promise to pay");
        }
        if (amount == null) {
            throw new DunningRuleViolation("amount", "must be given for a promise to pay");
        }
        if (invoiceId == null && item.invoiceIds().size() != 1) {
            throw new DunningRuleViolation("invoiceId", "must name the invoice promised: the item concerns "
                    + item.invoiceIds().size());
        }
        return Optional.of(invoiceId != null ? invoiceId : item.invoiceIds().get(0));
    }
}
