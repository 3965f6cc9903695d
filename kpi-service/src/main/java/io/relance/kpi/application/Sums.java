package io.relance.kpi.application;

import io.relance.kpi.domain.KpiTotals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPI sums of a set of ledgers as of one day, per segment (key {@value #UNKNOWN_SEGMENT}: customers whose
 * segment is not known) then per currency. Sums from several instances merge exactly with {@link #add}.
 */
public record Sums(Map<String, Map<String, KpiTotals>> bySegment) {

    public static final String UNKNOWN_SEGMENT = "";

    public static Sums empty() {
        return new Sums(new LinkedHashMap<>());
    }

    /** The sums per currency of one segment, or of every segment merged when {@code segment} is null. */
    public Map<String, KpiTotals> select(String segment) {
        Map<String, KpiTotals> selected = new TreeMap<>();
        bySegment.forEach((key, byCurrency) -> {
            if (segment == null || segment.equals(key)) {
                byCurrency.forEach((currency, totals) -> selected.computeIfAbsent(currency, c -> new KpiTotals()).add(totals));
            }
        });
        return selected;
    }

    /** Leaves out the currencies that count nothing (no invoice issued by the date, nothing in the window). */
    void dropEmpty() {
        bySegment.values().forEach(byCurrency -> byCurrency.values().removeIf(KpiTotals::countsNothing));
    }

    /** Adds {@code other}'s sums into these. */
    public Sums add(Sums other) {
        other.bySegment.forEach((segment, byCurrency) -> byCurrency.forEach((currency, totals) -> bySegment
                .computeIfAbsent(segment, s -> new TreeMap<>()).computeIfAbsent(currency, c -> new KpiTotals()).add(totals)));
        return this;
    }
}
