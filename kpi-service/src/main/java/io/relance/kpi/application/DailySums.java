package io.relance.kpi.application;

import io.relance.kpi.domain.DaySums;

import java.time.LocalDate;

/** The sums per segment, currency and business day that the KPIs of the whole book are read from. */
public interface DailySums {

    /** One day's sums; {@code segment} is {@link Sums#UNKNOWN_SEGMENT} for customers whose segment is not known. */
    interface Day {
        void accept(String segment, String currency, LocalDate day, DaySums sums);
    }

    /** Passes every day's sums to {@code action}, one at a time. */
    void forEach(Day action);
}
