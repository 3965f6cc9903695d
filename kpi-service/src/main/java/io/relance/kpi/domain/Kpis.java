package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The KPIs of DESIGN.md for one currency, as of a date over a window. Days and percentages are rounded half-up to
 * two decimals; a ratio whose denominator is zero is null (undefined), never zero.
 *
 * @param dsoAccounting receivables / revenue invoiced in the window × days in the window
 * @param dsoCountBack days of most recent invoicing, counted back from the window's end, that the receivables make up
 * @param bestPossibleDso not-yet-due receivables / revenue × days: the DSO if nobody paid late
 * @param averageDaysDelinquent accounting DSO minus best possible DSO
 * @param averagePaymentDays mean days from issue to full payment of the invoices paid in full in the window
 * @param amountWeightedPaymentDays the same, weighted by invoice amount
 * @param averageDaysLate mean days past the due date of those payments (zero when paid on time)
 * @param recoveryRate recovered on overdue invoices in the window / overdue receivables over the window × 100
 * @param collectionRate collected in the window / (receivables before the window + revenue in it) × 100
 * @param activationRate dunning cases closed paid in the window / cases in progress in it × 100
 * @param disputeRate disputed invoices / invoices issued in the window × 100, by count
 * @param badDebtRate written off in the window / (receivables before the window + revenue in it) × 100
 * @param costOfCollection dunning cost in the window / amount recovered × 100
 * @param costPerCase dunning cost in the window / dunning cases in progress in it
 * @param collectionEffectivenessIndex (opening + revenue − receivables) / (opening + revenue − current receivables) × 100
 */
public record Kpis(
        BigDecimal receivables,
        BigDecimal overdueReceivables,
        BigDecimal revenue,
        BigDecimal collected,
        BigDecimal recovered,
        BigDecimal writtenOff,
        BigDecimal dunningCost,
        BigDecimal dsoAccounting,
        BigDecimal dsoCountBack,
        BigDecimal bestPossibleDso,
        BigDecimal averageDaysDelinquent,
        BigDecimal averagePaymentDays,
        BigDecimal amountWeightedPaymentDays,
        BigDecimal averageDaysLate,
        BigDecimal recoveryRate,
        BigDecimal collectionRate,
        BigDecimal activationRate,
        BigDecimal disputeRate,
        BigDecimal badDebtRate,
        BigDecimal costOfCollection,
        BigDecimal costPerCase,
        BigDecimal collectionEffectivenessIndex,
        long invoicesIssued,
        long invoicesDisputed,
        long invoicesPaid,
        long casesInProgress,
        long casesClosedPaid,
        Map<AgingBucket, BigDecimal> aging,
        Map<String, Long> remindersByChannel) {

    private static final int SCALE = 2;
    private static final int WORKING_SCALE = 12;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The KPIs from the sums of one currency as of {@code asOf}, over a window of {@code windowDays} days. */
    public static Kpis of(KpiTotals t, LocalDate asOf, int windowDays) {
        BigDecimal current = t.receivables.subtract(t.overdue);
        BigDecimal dso = dso(t.receivables, t.revenue, windowDays);
        BigDecimal best = dso(current, t.revenue, windowDays);
        BigDecimal owedOverWindow = t.openingReceivables.add(t.revenue);
        return new Kpis(
                t.receivables, t.overdue, t.revenue, t.collected, t.recovered, t.writtenOff, t.dunningCost,
                dso, countBackDso(t, asOf), best,
                dso == null ? null : dso.subtract(best),
                ratio(BigDecimal.valueOf(t.paymentDays), BigDecimal.valueOf(t.invoicesPaid)),
                ratio(t.paymentAmountDays, t.paidAmount),
                ratio(BigDecimal.valueOf(t.daysLate), BigDecimal.valueOf(t.invoicesPaid)),
                percent(t.recovered, t.overdueOverWindow),
                percent(t.collected, owedOverWindow),
                percent(BigDecimal.valueOf(t.casesClosedPaid), BigDecimal.valueOf(t.casesInProgress)),
                percent(BigDecimal.valueOf(t.invoicesDisputed), BigDecimal.valueOf(t.invoicesIssued)),
                percent(t.writtenOff, owedOverWindow),
                percent(t.dunningCost, t.recovered),
                ratio(t.dunningCost, BigDecimal.valueOf(t.casesInProgress)),
                percent(owedOverWindow.subtract(t.receivables), owedOverWindow.subtract(current)),
                t.invoicesIssued, t.invoicesDisputed, t.invoicesPaid, t.casesInProgress, t.casesClosedPaid,
                Map.copyOf(t.aging), Map.copyOf(t.remindersByChannel));
    }

    /** Accounting DSO: {@code receivables / revenue × days}; null without revenue. */
    public static BigDecimal dso(BigDecimal receivables, BigDecimal revenue, int days) {
        return ratio(receivables.multiply(BigDecimal.valueOf(days)), revenue);
    }

    /** {@code part / whole × 100}; null when {@code whole} is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return ratio(part.multiply(HUNDRED), whole);
    }

    /**
     * Count-back DSO: walks back day by day from {@code asOf}, taking each day's invoicing off the receivables while
     * they cover it; the last day counts for the fraction it covers. Days without invoicing count in full.
     */
    public static BigDecimal countBackDso(BigDecimal receivables, Map<LocalDate, BigDecimal> revenueByDay, LocalDate asOf) {
        NavigableMap<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        revenueByDay.forEach((day, amount) -> {
            if (!day.isAfter(asOf)) {
                byMonth.merge(YearMonth.from(day), amount, BigDecimal::add);
            }
        });
        return countBackDso(receivables, byMonth, new TreeMap<>(revenueByDay), asOf);
    }

    /**
     * The month where the walk of {@link #countBackDso} stops: the first, going back, whose invoicing covers what
     * is left of the receivables, else the earliest; empty when there are no receivables or no invoicing.
     */
    static Optional<YearMonth> countBackMonth(BigDecimal receivables, NavigableMap<YearMonth, BigDecimal> revenueByMonth) {
        if (receivables.signum() <= 0 || revenueByMonth.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal left = receivables;
        for (Map.Entry<YearMonth, BigDecimal> month : revenueByMonth.descendingMap().entrySet()) {
            if (left.compareTo(month.getValue()) <= 0) {
                return Optional.of(month.getKey());
            }
            left = left.subtract(month.getValue());
        }
        return Optional.of(revenueByMonth.firstKey());
    }

    /**
     * The count-back DSO from the invoicing per month (up to {@code asOf}) and per day of the month where the walk
     * stops ({@link #countBackMonth}): whole months are taken off at once, then that month day by day.
     */
    private static BigDecimal countBackDso(BigDecimal receivables, NavigableMap<YearMonth, BigDecimal> revenueByMonth,
                                           NavigableMap<LocalDate, BigDecimal> revenueByDay, LocalDate asOf) {
        Optional<YearMonth> stop = countBackMonth(receivables, revenueByMonth);
        if (stop.isEmpty()) {
            return BigDecimal.ZERO.setScale(SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal left = receivables;
        for (BigDecimal later : revenueByMonth.tailMap(stop.get(), false).values()) {
            left = left.subtract(later);
        }
        LocalDate last = null;
        LocalDate to = stop.get().atEndOfMonth().isAfter(asOf) ? asOf : stop.get().atEndOfMonth();
        for (Map.Entry<LocalDate, BigDecimal> day : revenueByDay.subMap(stop.get().atDay(1), true, to, true)
                .descendingMap().entrySet()) {
            long daysBack = ChronoUnit.DAYS.between(day.getKey(), asOf);
            if (left.compareTo(day.getValue()) <= 0) {
                BigDecimal fraction = left.divide(day.getValue(), WORKING_SCALE, RoundingMode.HALF_UP);
                return BigDecimal.valueOf(daysBack).add(fraction).setScale(SCALE, RoundingMode.HALF_UP);
            }
            left = left.subtract(day.getValue());
            last = day.getKey();
        }
        if (last == null) {
            throw new IllegalStateException("the issue days of " + stop.get() + " are needed for the count-back DSO");
        }
        // Every day invoiced is covered: the walk ends on the earliest one, counted in full.
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(last, asOf) + 1).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal countBackDso(KpiTotals t, LocalDate asOf) {
        t.countBackMonth().filter(month -> !t.knowsDaysOf(month)).ifPresent(month -> {
            throw new IllegalStateException("the issue days of " + month + " are needed for the count-back DSO");
        });
        return countBackDso(t.receivables, t.revenueByMonth, t.revenueByDay, asOf);
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
    }
}
