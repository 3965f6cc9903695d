package io.relance.kpi.messaging;

import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.DayKey;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The {@value KpiStores#DAY_SUMS} keys: "D|currency|yyyy-MM-dd|segment" for a day, "M|currency|yyyy-MM|segment"
 * for a month, "R|currency|yyyy-MM|segment" for a month's invoicing per issue day (the segment empty when not
 * known). Kind, then currency, then the date: the months of one currency, or its days between two dates, are one
 * range scan, in date order; every segment of a day is in the range.
 */
final class DayKeys {

    private static final String DAY = "D|";
    private static final String MONTH = "M|";
    private static final String REVENUE = "R|";
    /** After every segment name in key order: the end of a range that includes every segment of its last date. */
    private static final String LAST_SEGMENT = "|\uffff";

    private DayKeys() {
    }

    static String day(DayKey key) {
        return DAY + key.currency() + "|" + key.day() + "|" + segment(key);
    }

    static String month(DayKey key) {
        return MONTH + key.currency() + "|" + YearMonth.from(key.day()) + "|" + segment(key);
    }

    static String revenue(DayKey key) {
        return REVENUE + key.currency() + "|" + YearMonth.from(key.day()) + "|" + segment(key);
    }

    /** The first key of the invoicing per issue day of {@code currency} in {@code month}. */
    static String revenueFrom(String currency, YearMonth month) {
        return REVENUE + currency + "|" + month + "|";
    }

    /** The last key of the invoicing per issue day of {@code currency} in {@code month}. */
    static String revenueTo(String currency, YearMonth month) {
        return REVENUE + currency + "|" + month + LAST_SEGMENT;
    }

    private static String segment(DayKey key) {
        return key.segment() == null ? Sums.UNKNOWN_SEGMENT : key.segment();
    }

    /** The first key of the days of {@code currency} from {@code from}. */
    static String dayFrom(String currency, LocalDate from) {
        return DAY + currency + "|" + from;
    }

    /** The last key of the days of {@code currency} up to {@code to}. */
    static String dayTo(String currency, LocalDate to) {
        return DAY + currency + "|" + to + LAST_SEGMENT;
    }

    /** The first key of the months of {@code currency} (null: of every currency). */
    static String monthFrom(String currency) {
        return currency == null ? MONTH : MONTH + currency + "|";
    }

    /** The last key of the months of {@code currency} up to {@code to} (null currency: of every month of every currency). */
    static String monthTo(String currency, YearMonth to) {
        return currency == null ? MONTH + "\uffff" : MONTH + currency + "|" + to + LAST_SEGMENT;
    }

    /** Reads a key back: kind, currency, date or month, segment. */
    static String[] parse(String key) {
        int first = key.indexOf('|');
        int second = key.indexOf('|', first + 1);
        int third = key.indexOf('|', second + 1);
        return new String[] {key.substring(0, first), key.substring(first + 1, second), key.substring(second + 1, third),
                key.substring(third + 1)};
    }

    /** The day of a parsed day key; read by hand, as LocalDate.parse costs more than the rest of a query's step. */
    static LocalDate day(String[] parsed) {
        String day = parsed[2];
        return LocalDate.of(Integer.parseInt(day, 0, 4, 10), Integer.parseInt(day, 5, 7, 10), Integer.parseInt(day, 8, 10, 10));
    }

    /** The month of a parsed month key. */
    static YearMonth month(String[] parsed) {
        String month = parsed[2];
        return YearMonth.of(Integer.parseInt(month, 0, 4, 10), Integer.parseInt(month, 5, 7, 10));
    }
}
