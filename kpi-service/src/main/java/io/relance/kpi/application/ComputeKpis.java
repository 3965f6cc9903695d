package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.KpiCalculator;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Kpis;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** Computes the KPIs from the ledgers: per currency, for the whole book, one segment, or one customer. */
@ApplicationScoped
public class ComputeKpis {

    /** One point of a history series. */
    public record Point(LocalDate asOf, Map<String, Kpis> byCurrency) {
    }

    /** Sums per segment (key "": customers whose segment is not known) and per currency. */
    public record BySegment(Map<String, Map<String, KpiTotals>> totals) {
    }

    private final Ledgers ledgers;

    public ComputeKpis(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    /** The KPIs per currency answering {@code query}. */
    public Map<String, Kpis> kpis(KpiQuery query) {
        return figures(query, sums(query));
    }

    /** Open receivables per currency counting every event so far, whatever its business date. */
    public Map<String, BigDecimal> receivablesSoFar() {
        Map<String, BigDecimal> receivables = new TreeMap<>();
        sums(new KpiQuery(LocalDate.MAX, 1, null, null)).forEach((currency, sums) -> receivables.put(currency, sums.receivables()));
        return receivables;
    }

    /** The KPIs per currency of one customer. */
    public Map<String, Kpis> customer(String customerId, KpiQuery query) {
        CustomerLedger ledger = ledgers.find(customerId)
                .orElseThrow(() -> new NoSuchElementException("no event about customer " + customerId + " was counted"));
        Map<String, KpiTotals> totals = new TreeMap<>();
        new KpiCalculator(query.asOf(), query.windowDays()).addTo(totals, ledger);
        return figures(query, totals);
    }

    /** One point per day in {@code days}, each as of that day. */
    public List<Point> history(KpiQuery query, List<LocalDate> days) {
        List<KpiCalculator> calculators = days.stream().map(day -> new KpiCalculator(day, query.windowDays())).toList();
        List<Map<String, KpiTotals>> sums = new ArrayList<>();
        days.forEach(day -> sums.add(new TreeMap<>()));
        // One pass over the ledgers for the whole series.
        ledgers.forEach(ledger -> {
            if (query.includes(ledger)) {
                for (int i = 0; i < days.size(); i++) {
                    calculators.get(i).addTo(sums.get(i), ledger);
                }
            }
        });
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            points.add(new Point(days.get(i), figures(query.on(days.get(i)), sums.get(i))));
        }
        return points;
    }

    /** The sums per segment and currency, in one pass: the gauges derive every tag combination from them. */
    public BySegment bySegment(LocalDate asOf, int windowDays) {
        KpiCalculator calculator = new KpiCalculator(asOf, windowDays);
        Map<String, Map<String, KpiTotals>> totals = new LinkedHashMap<>();
        ledgers.forEach(ledger -> calculator.addTo(
                totals.computeIfAbsent(ledger.segment() == null ? "" : ledger.segment(), s -> new TreeMap<>()), ledger));
        return new BySegment(totals);
    }

    private Map<String, KpiTotals> sums(KpiQuery query) {
        KpiCalculator calculator = new KpiCalculator(query.asOf(), query.windowDays());
        Map<String, KpiTotals> totals = new TreeMap<>();
        ledgers.forEach(ledger -> {
            if (query.includes(ledger)) {
                calculator.addTo(totals, ledger);
            }
        });
        return totals;
    }

    private static Map<String, Kpis> figures(KpiQuery query, Map<String, KpiTotals> totals) {
        Map<String, Kpis> figures = new TreeMap<>();
        totals.forEach((currency, sums) -> {
            if (query.includes(currency)) {
                figures.put(currency, Kpis.of(sums, query.asOf(), query.windowDays()));
            }
        });
        return figures;
    }
}
