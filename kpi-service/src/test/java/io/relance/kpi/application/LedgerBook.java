package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DayKey;
import io.relance.kpi.domain.DaySums;
import io.relance.kpi.domain.KpiContributions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ledgers held in memory, with the day sums they add up to, as the stores of one instance would hold them. */
public final class LedgerBook implements Ledgers, DailySums {

    private final List<CustomerLedger> ledgers;
    private final Map<DayKey, DaySums> days = new HashMap<>();
    /** Keyed by the first day of the month. */
    private final Map<DayKey, DaySums> months = new HashMap<>();

    public LedgerBook(List<CustomerLedger> ledgers) {
        this.ledgers = ledgers;
        for (CustomerLedger ledger : ledgers) {
            KpiContributions.of(ledger).forEach((key, sums) -> {
                days.merge(key, new DaySums().add(sums, 1), (a, b) -> a.add(b, 1));
                months.merge(new DayKey(key.segment(), key.currency(), key.day().withDayOfMonth(1)), new DaySums().add(sums, 1),
                        (a, b) -> a.add(b, 1));
            });
        }
    }

    /** The KPIs of these ledgers alone. */
    public ComputeKpis kpis(Peers peers) {
        return new ComputeKpis(this, this, peers);
    }

    @Override
    public Optional<CustomerLedger> find(String customerId) {
        return ledgers.stream().filter(l -> l.customerId().equals(customerId)).findFirst();
    }

    @Override
    public void months(String currency, YearMonth to, Month action) {
        months.forEach((key, sums) -> {
            if ((currency == null || currency.equals(key.currency())) && !YearMonth.from(key.day()).isAfter(to)) {
                action.accept(segment(key), key.currency(), YearMonth.from(key.day()), sums);
            }
        });
    }

    @Override
    public void days(String currency, LocalDate from, LocalDate to, Day action) {
        days.forEach((key, sums) -> {
            if (currency.equals(key.currency()) && !key.day().isBefore(from) && !key.day().isAfter(to)) {
                action.accept(segment(key), key.currency(), key.day(), sums);
            }
        });
    }

    @Override
    public void revenueDays(String currency, YearMonth month, Day action) {
        days(currency, month.atDay(1), month.atEndOfMonth(), action);
    }

    private static String segment(DayKey key) {
        return key.segment() == null ? Sums.UNKNOWN_SEGMENT : key.segment();
    }
}
