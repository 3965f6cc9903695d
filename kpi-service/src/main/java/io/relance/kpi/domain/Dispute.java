package io.relance.kpi.domain;

import java.time.LocalDate;

/** A dispute on an invoice; either date is null until its event has arrived (a resolution can come first). */
public record Dispute(LocalDate openedOn, LocalDate resolvedOn) {

    Dispute opened(LocalDate on) {
        return new Dispute(on, resolvedOn);
    }

    Dispute resolved(LocalDate on) {
        return new Dispute(openedOn, on);
    }
}
