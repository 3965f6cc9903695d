package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One instalment of a payment plan. */
public record Instalment(LocalDate dueOn, Money amount) {

    public Instalment {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(amount, "amount");
    }
}
