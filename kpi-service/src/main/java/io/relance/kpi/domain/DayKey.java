package io.relance.kpi.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a {@link DaySums} belongs: a segment (null: customers whose segment is not known), a currency, a day.
 */
public record DayKey(String segment, String currency, LocalDate day) {

    public DayKey {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(day, "day");
    }
}
