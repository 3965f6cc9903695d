package io.relance.contracts.customer;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Insolvency proceedings opened against the customer on {@code openedOn}: it is never chased again
 * and its claims are to be declared.
 */
public record Insolvency(InsolvencyType type, LocalDate openedOn) {

    public Insolvency {
        requireNonNull(type, "type");
        requireNonNull(openedOn, "openedOn");
    }
}
