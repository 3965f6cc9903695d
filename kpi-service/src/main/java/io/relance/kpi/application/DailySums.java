package io.relance.kpi.application;

import io.relance.kpi.domain.DaySums;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The sums per segment, currency and business day that the KPIs of the whole book are read from, and the same per
 * month (each month's the sum of its days), so that a query reads whole months and the days of two months only.
 */
public interface DailySums {

    /** One day's sums; {@code segment} is {@link Sums#UNKNOWN_SEGMENT} for customers whose segment is not known. */
    interface Day {
        void accept(String segment, String currency, LocalDate day, DaySums sums);
    }

    /** One month's sums, as {@link Day}. */
    interface Month {
        void accept(String segment, String currency, YearMonth month, DaySums sums);
    }

    /** Passes the sums of every month up to {@code to}, of {@code currency} (null: of every currency), one at a time. */
    void months(String currency, YearMonth to, Month action);

    /** Passes the sums of every day of {@code currency} from {@code from} to {@code to}, one at a time. */
    void days(String currency, LocalDate from, LocalDate to, Day action);

    /**
     * Passes the invoicing ({@link DaySums.Money#REVENUE}, {@link DaySums.Count#INVOICES_ISSUED}) of every issue day
     * of {@code month} in {@code currency}, one day and segment at a time: what the count-back DSO reads.
     */
    void revenueDays(String currency, YearMonth month, Day action);
}
