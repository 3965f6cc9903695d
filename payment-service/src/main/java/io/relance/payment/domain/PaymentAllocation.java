package io.relance.payment.domain;

import java.util.Objects;
import java.util.UUID;

/** Part of a payment applied to one invoice. */
public record PaymentAllocation(UUID invoiceId, Money amount) {

    public PaymentAllocation {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new PaymentRuleViolation("allocations.amount", "must be positive");
        }
    }
}
