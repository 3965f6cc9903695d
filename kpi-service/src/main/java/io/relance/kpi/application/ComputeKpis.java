package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.KpiCalculator;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Kpis;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes the KPIs from the day sums of this instance and of its peers: sums are taken where the stores are,
 * merged, and only then turned into ratios, so the answer is the same whichever instance is asked. The whole book
 * is read from the day sums (its cost grows with the number of business days, not of invoices); one customer from
 * its ledger.
 */
@ApplicationScoped
public class ComputeKpis {

    /** One point of a history series. */
    public record Point(LocalDate asOf, Map<String, Kpis> byCurrency) {
    }

    /** A business date late enough that every event counted so far is before it. */
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    private final Ledgers ledgers;
    private final DailySums dailySums;
    private final Peers peers;

    public ComputeKpis(Ledgers ledgers, DailySums dailySums, Peers peers) {
        this.ledgers = ledgers;
        this.dailySums = dailySums;
        this.peers = peers;
    }

    /** The KPIs per currency answering {@code query}. */
    public Map<String, Kpis> kpis(KpiQuery query) {
        return figures(query, sums(List.of(query.asOf()), query.windowDays()).get(0).select(query.segment()));
    }

    /** Open receivables per currency counting every event so far, whatever its business date. */
    public Map<String, BigDecimal> receivablesSoFar() {
        Map<String, BigDecimal> receivables = new TreeMap<>();
        sums(List.of(END_OF_TIME), 1).get(0).select(null)
                .forEach((currency, sums) -> receivables.put(currency, sums.receivables()));
        return receivables;
    }

    /** The KPIs per currency of one customer, wherever its ledger is. */
    public Map<String, Kpis> customer(String customerId, KpiQuery query) {
        Map<String, KpiTotals> totals = peers.consistently(() -> localCustomer(customerId, query.asOf(), query.windowDays())
                .or(() -> peers.customer(customerId, query.asOf(), query.windowDays())))
                .orElseThrow(() -> new NoSuchElementException("no event about customer " + customerId + " was counted"));
        return figures(query, totals);
    }

    /** This instance's part of one customer's sums; empty when its ledger is not here. */
    public Optional<Map<String, KpiTotals>> localCustomer(String customerId, LocalDate asOf, int windowDays) {
        return ledgers.find(customerId).map(ledger -> {
            Map<String, KpiTotals> totals = new TreeMap<>();
            new KpiCalculator(asOf, windowDays).addTo(totals, ledger);
            return totals;
        });
    }

    /** One point per day in {@code days}, each as of that day. */
    public List<Point> history(KpiQuery query, List<LocalDate> days) {
        List<Sums> sums = sums(days, query.windowDays());
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            points.add(new Point(days.get(i), figures(query.on(days.get(i)), sums.get(i).select(query.segment()))));
        }
        return points;
    }

    /** The sums per segment and currency as of {@code asOf}: the gauges derive every tag combination from them. */
    public Sums bySegment(LocalDate asOf, int windowDays) {
        return sums(List.of(asOf), windowDays).get(0);
    }

    /** This instance's sums, one per day, in one pass over its day sums. */
    public List<Sums> localSums(List<LocalDate> days, int windowDays) {
        List<KpiCalculator> calculators = days.stream().map(day -> new KpiCalculator(day, windowDays)).toList();
        List<Sums> sums = new ArrayList<>();
        days.forEach(day -> sums.add(Sums.empty()));
        dailySums.forEach((segment, currency, day, daySums) -> {
            for (int i = 0; i < calculators.size(); i++) {
                calculators.get(i).addDay(sums.get(i).bySegment().computeIfAbsent(segment, s -> new TreeMap<>())
                        .computeIfAbsent(currency, c -> new KpiTotals()), day, daySums);
            }
        });
        sums.forEach(Sums::dropEmpty);
        return sums;
    }

    private List<Sums> sums(List<LocalDate> days, int windowDays) {
        return peers.consistently(() -> {
            List<Sums> local = localSums(days, windowDays);
            List<Sums> remote = peers.sums(days, windowDays);
            for (int i = 0; i < remote.size(); i++) {
                local.get(i).add(remote.get(i));
            }
            return local;
        });
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

    /** For a single instance, or tests: no peer. */
    public static Peers noPeers() {
        return new Peers() {
            @Override
            public List<Sums> sums(List<LocalDate> days, int windowDays) {
                return List.of();
            }

            @Override
            public Optional<Map<String, KpiTotals>> customer(String customerId, LocalDate asOf, int windowDays) {
                return Optional.empty();
            }
        };
    }
}
