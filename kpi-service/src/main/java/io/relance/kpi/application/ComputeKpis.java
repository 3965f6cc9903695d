package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DaySums;
import io.relance.kpi.domain.KpiCalculator;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Kpis;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the KPIs from the day and month sums of this instance and of its peers: sums are taken where the stores
 * are, merged, and only then turned into ratios, so the answer is the same whichever instance is asked. The whole
 * book is read from the month sums and the days of the window's two end months (its cost grows with the months of
 * history, not with invoices); the count-back DSO then reads the days of the one month where it stops. One customer
 * is read from its ledger.
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
        return figures(query, sums(List.of(query.asOf()), query.windowDays(), query.currency()).get(0).select(query.segment()));
    }

    /** Open receivables per currency counting every event so far, whatever its business date. */
    public Map<String, BigDecimal> receivablesSoFar() {
        Map<String, BigDecimal> receivables = new TreeMap<>();
        sums(List.of(END_OF_TIME), 1, null).get(0).select(null)
                .forEach((currency, sums) -> receivables.put(currency, sums.receivables()));
        return receivables;
    }

    /** The KPIs per currency of one customer, wherever its ledger is. */
    public Map<String, Kpis> customer(String customerId, KpiQuery query) {
        Map<String, KpiTotals> totals = peers.consistently(() -> localCustomer(customerId, query.asOf(), query.windowDays())
                .or(() -> peers.customer(customerId, query.asOf(), query.windowDays())))
                .orElseThrow(() -> new NoSuchElementException("no event about customer " + customerId + " was counted"));
        // A ledger's sums know every issue day: nothing more is read for the count-back DSO.
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
        List<Sums> sums = sums(days, query.windowDays(), query.currency());
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            points.add(new Point(days.get(i), figures(query.on(days.get(i)), sums.get(i).select(query.segment()))));
        }
        return points;
    }

    /** The sums per segment and currency as of {@code asOf}: the gauges derive every tag combination from them. */
    public Sums bySegment(LocalDate asOf, int windowDays) {
        return sums(List.of(asOf), windowDays, null).get(0);
    }

    /**
     * The KPIs of sums of one segment (null: every segment) and currency taken from {@link #bySegment}, reading the
     * issue days the count-back DSO needs, here and on the peers.
     */
    public Kpis figures(String segment, String currency, KpiTotals totals, LocalDate asOf, int windowDays) {
        totals.countBackMonth().filter(month -> !totals.knowsDaysOf(month)).ifPresent(month -> {
            Map<LocalDate, BigDecimal> days = peers.consistently(() -> {
                Map<LocalDate, BigDecimal> merged = localRevenueDays(segment, currency, month);
                peers.revenueDays(segment, currency, month).forEach((day, amount) -> merged.merge(day, amount, BigDecimal::add));
                return merged;
            });
            totals.addRevenueDays(month, days);
        });
        return Kpis.of(totals, asOf, windowDays);
    }

    /** This instance's amount invoiced per issue day of {@code month}, of one segment (null: every one) and currency. */
    public Map<LocalDate, BigDecimal> localRevenueDays(String segment, String currency, YearMonth month) {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        dailySums.revenueDays(currency, month, (daySegment, dayCurrency, day, sums) -> {
            if ((segment == null || segment.equals(daySegment)) && sums.count(DaySums.Count.INVOICES_ISSUED) != 0) {
                days.merge(day, sums.money(DaySums.Money.REVENUE), BigDecimal::add);
            }
        });
        return days;
    }

    /**
     * This instance's sums, one per day, of one currency (null: every currency): every month up to the latest day
     * read once, then, per currency, the days of the months some day's window begins or ends in.
     */
    public List<Sums> localSums(List<LocalDate> days, int windowDays, String currency) {
        List<KpiCalculator> calculators = days.stream().map(day -> new KpiCalculator(day, windowDays)).toList();
        List<Sums> sums = new ArrayList<>();
        days.forEach(day -> sums.add(Sums.empty()));
        Set<String> currencies = new TreeSet<>();
        if (currency != null) {
            currencies.add(currency);
        }
        YearMonth last = YearMonth.from(days.stream().max(LocalDate::compareTo).orElseThrow());
        dailySums.months(currency, last, (segment, monthCurrency, month, monthSums) -> {
            currencies.add(monthCurrency);
            for (int i = 0; i < calculators.size(); i++) {
                calculators.get(i).addMonth(totals(sums.get(i), segment, monthCurrency), month, monthSums);
            }
        });
        // Each day once, however many calculators read it: runs of consecutive days, one range scan each.
        TreeSet<LocalDate> daysToRead = new TreeSet<>();
        calculators.forEach(calculator -> calculator.dayRanges().forEach(range -> range[0].datesUntil(range[1].plusDays(1))
                .forEach(daysToRead::add)));
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate day : daysToRead) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1)[1].plusDays(1).equals(day)) {
                runs.add(new LocalDate[] {day, day});
            } else {
                runs.get(runs.size() - 1)[1] = day;
            }
        }
        for (String dayCurrency : currencies) {
            for (LocalDate[] run : runs) {
                dailySums.days(dayCurrency, run[0], run[1], (segment, c, day, daySums) -> {
                    for (int i = 0; i < calculators.size(); i++) {
                        calculators.get(i).addDay(totals(sums.get(i), segment, c), day, daySums);
                    }
                });
            }
        }
        sums.forEach(Sums::dropEmpty);
        return sums;
    }

    private static KpiTotals totals(Sums sums, String segment, String currency) {
        return sums.bySegment().computeIfAbsent(segment, s -> new TreeMap<>()).computeIfAbsent(currency, c -> new KpiTotals());
    }

    /** This instance's part and its peers', read the same way (see {@link Peers#consistently}). */
    private List<Sums> sums(List<LocalDate> days, int windowDays, String currency) {
        return peers.consistently(() -> {
            List<Sums> local = localSums(days, windowDays, currency);
            List<Sums> remote = peers.sums(days, windowDays, currency);
            for (int i = 0; i < remote.size(); i++) {
                local.get(i).add(remote.get(i));
            }
            return local;
        });
    }

    private Map<String, Kpis> figures(KpiQuery query, Map<String, KpiTotals> totals) {
        Map<String, Kpis> figures = new TreeMap<>();
        totals.forEach((currency, sums) -> {
            if (query.includes(currency)) {
                figures.put(currency, figures(query.segment(), currency, sums, query.asOf(), query.windowDays()));
            }
        });
        return figures;
    }

    /** For a single instance, or tests: no peer. */
    public static Peers noPeers() {
        return new Peers() {
            @Override
            public List<Sums> sums(List<LocalDate> days, int windowDays, String currency) {
                return List.of();
            }

            @Override
            public Map<LocalDate, BigDecimal> revenueDays(String segment, String currency, YearMonth month) {
                return Map.of();
            }

            @Override
            public Optional<Map<String, KpiTotals>> customer(String customerId, LocalDate asOf, int windowDays) {
                return Optional.empty();
            }
        };
    }
}
