package io.relance.kpi.messaging;

import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.DayKey;

import java.time.LocalDate;

/** The {@value KpiStores#DAY_SUMS} key: "segment|currency|yyyy-MM-dd", the segment empty when not known. */
final class DayKeys {

    private DayKeys() {
    }

    static String format(DayKey key) {
        return (key.segment() == null ? Sums.UNKNOWN_SEGMENT : key.segment()) + "|" + key.currency() + "|" + key.day();
    }

    /** Reads a key back: segment, currency, day. */
    static String[] parse(String key) {
        int first = key.indexOf('|');
        int second = key.indexOf('|', first + 1);
        return new String[] {key.substring(0, first), key.substring(first + 1, second), key.substring(second + 1)};
    }

    /** The day of a parsed key; read by hand, as LocalDate.parse costs more than the rest of a query's step. */
    static LocalDate day(String[] parsed) {
        String day = parsed[2];
        return LocalDate.of(Integer.parseInt(day, 0, 4, 10), Integer.parseInt(day, 5, 7, 10), Integer.parseInt(day, 8, 10, 10));
    }
}
