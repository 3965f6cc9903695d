package io.relance.kpi.application;

import io.relance.kpi.domain.KpiTotals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The other instances of kpi-service, each holding the ledgers of its own partitions. */
public interface Peers {

    /** The sums of every other instance's ledgers, merged, one per day of {@code days}, of one currency (null: all). */
    List<Sums> sums(List<LocalDate> days, int windowDays, String currency);

    /**
     * The amount invoiced per issue day of {@code month} by every other instance's ledgers of one segment (null:
     * every segment) and currency, merged: the count-back DSO reads the days of one month.
     */
    Map<LocalDate, BigDecimal> revenueDays(String segment, String currency, YearMonth month);

    /** One customer's sums per currency, from the instance that holds its ledger; empty when none does. */
    Optional<Map<String, KpiTotals>> customer(String customerId, LocalDate asOf, int windowDays);

    /**
     * Runs one query, local part and peers' parts, with one decision about which partitions are read where (when
     * this instance holds a copy of every partition, no peer is asked), whatever the copies do meanwhile.
     */
    default <T> T consistently(Supplier<T> query) {
        return query.get();
    }
}
