package io.relance.invoice.domain.customer;

import java.time.LocalDate;

/** Proceedings opened against the customer on {@code openedOn}: it is never chased again. */
public record Insolvency(InsolvencyType type, LocalDate openedOn) {
}
