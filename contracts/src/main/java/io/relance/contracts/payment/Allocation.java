package io.relance.contracts.payment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.UUID;

/** Part of a payment applied to one invoice, in the payment's currency. */
public record Allocation(UUID invoiceId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public Allocation {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(amount, "amount");
    }
}
