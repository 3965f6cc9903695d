package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DayKey;
import io.relance.kpi.domain.DaySums;
import io.relance.kpi.domain.KpiContributions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ledgers held in memory, with the day sums they add up to, as the stores of one instance would hold them. */
public final class LedgerBook implements Ledgers, DailySums {

    private final List<CustomerLedger> ledgers;
    private final Map<DayKey, DaySums> days = new HashMap<>();

    public LedgerBook(List<CustomerLedger> ledgers) {
        this.ledgers = ledgers;
        for (CustomerLedger ledger : ledgers) {
            KpiContributions.of(ledger).forEach((key, sums) -> days.merge(key, sums, (a, b) -> a.add(b, 1)));
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
    public void forEach(Day action) {
        days.forEach((key, sums) -> action.accept(key.segment() == null ? Sums.UNKNOWN_SEGMENT : key.segment(),
                key.currency(), key.day(), sums));
    }
}
