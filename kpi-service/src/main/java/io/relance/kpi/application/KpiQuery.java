package io.relance.kpi.application;

import java.time.LocalDate;

/**
 * What to compute: as of the end of {@code asOf}, over the window of {@code windowDays} days ending on it, for one
 * currency and one segment when given (null: all).
 */
public record KpiQuery(LocalDate asOf, int windowDays, String currency, String segment) {

    boolean includes(String figureCurrency) {
        return currency == null || currency.equals(figureCurrency);
    }

    KpiQuery on(LocalDate day) {
        return new KpiQuery(day, windowDays, currency, segment);
    }
}
