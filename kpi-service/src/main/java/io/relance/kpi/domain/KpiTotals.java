package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The additive sums behind every KPI of one currency, as of a date over a window. Sums, never ratios, so that the
 * parts computed on several partitions or instances merge exactly ({@link #add}) before the ratios are taken.
 */
public final class KpiTotals {

    /** Open balance at the end of the window's last day. */
    BigDecimal receivables = BigDecimal.ZERO;
    /** Part of {@link #receivables} past its due date. */
    BigDecimal overdue = BigDecimal.ZERO;
    /** Open balance at the end of the day before the window. */
    BigDecimal openingReceivables = BigDecimal.ZERO;
    /** Amount of the invoices issued in the window. */
    BigDecimal revenue = BigDecimal.ZERO;
    /** Amount invoiced per month with invoices issued, up to the window's last day: for the count-back DSO. */
    final NavigableMap<YearMonth, BigDecimal> revenueByMonth = new TreeMap<>();
    /** Amount invoiced per issue day, for the months of {@link #daysKnown} only: the count-back DSO reads one month's days. */
    final NavigableMap<LocalDate, BigDecimal> revenueByDay = new TreeMap<>();
    /** The months whose every issue day is in {@link #revenueByDay}. */
    final Set<YearMonth> daysKnown = new TreeSet<>();
    /** Payments net of reversals dated in the window. */
    BigDecimal collected = BigDecimal.ZERO;
    /** Payments net of reversals dated in the window while their invoice was overdue. */
    BigDecimal recovered = BigDecimal.ZERO;
    /** Balance of each invoice when it was first overdue within the window. */
    BigDecimal overdueOverWindow = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    BigDecimal dunningCost = BigDecimal.ZERO;
    long invoicesIssued;
    long invoicesDisputed;
    long invoicesPaid;
    long paymentDays;
    long daysLate;
    /** Sum of amount × days from issue to payment, of the invoices paid in the window. */
    BigDecimal paymentAmountDays = BigDecimal.ZERO;
    BigDecimal paidAmount = BigDecimal.ZERO;
    long casesInProgress;
    long casesClosedPaid;
    final Map<AgingBucket, BigDecimal> aging = new EnumMap<>(AgingBucket.class);
    final Map<String, Long> remindersByChannel = new TreeMap<>();

    public KpiTotals() {
        for (AgingBucket bucket : AgingBucket.values()) {
            aging.put(bucket, BigDecimal.ZERO);
        }
    }

    /** Every sum as a plain value, to travel between instances; {@link #of(Snapshot)} restores it. */
    public record Snapshot(BigDecimal receivables, BigDecimal overdue, BigDecimal openingReceivables, BigDecimal revenue,
                           Map<YearMonth, BigDecimal> revenueByMonth, Map<LocalDate, BigDecimal> revenueByDay,
                           Set<YearMonth> daysKnown, BigDecimal collected, BigDecimal recovered,
                           BigDecimal overdueOverWindow, BigDecimal writtenOff, BigDecimal dunningCost, long invoicesIssued,
                           long invoicesDisputed, long invoicesPaid, long paymentDays, long daysLate,
                           BigDecimal paymentAmountDays, BigDecimal paidAmount, long casesInProgress, long casesClosedPaid,
                           Map<AgingBucket, BigDecimal> aging, Map<String, Long> remindersByChannel) {
    }

    public Snapshot snapshot() {
        return new Snapshot(receivables, overdue, openingReceivables, revenue, new TreeMap<>(revenueByMonth),
                new TreeMap<>(revenueByDay), new TreeSet<>(daysKnown), collected,
                recovered, overdueOverWindow, writtenOff, dunningCost, invoicesIssued, invoicesDisputed, invoicesPaid,
                paymentDays, daysLate, paymentAmountDays, paidAmount, casesInProgress, casesClosedPaid,
                new EnumMap<>(aging), new TreeMap<>(remindersByChannel));
    }

    public static KpiTotals of(Snapshot s) {
        KpiTotals t = new KpiTotals();
        t.receivables = s.receivables();
        t.overdue = s.overdue();
        t.openingReceivables = s.openingReceivables();
        t.revenue = s.revenue();
        t.revenueByMonth.putAll(s.revenueByMonth());
        t.revenueByDay.putAll(s.revenueByDay());
        t.daysKnown.addAll(s.daysKnown());
        t.collected = s.collected();
        t.recovered = s.recovered();
        t.overdueOverWindow = s.overdueOverWindow();
        t.writtenOff = s.writtenOff();
        t.dunningCost = s.dunningCost();
        t.invoicesIssued = s.invoicesIssued();
        t.invoicesDisputed = s.invoicesDisputed();
        t.invoicesPaid = s.invoicesPaid();
        t.paymentDays = s.paymentDays();
        t.daysLate = s.daysLate();
        t.paymentAmountDays = s.paymentAmountDays();
        t.paidAmount = s.paidAmount();
        t.casesInProgress = s.casesInProgress();
        t.casesClosedPaid = s.casesClosedPaid();
        t.aging.putAll(s.aging());
        t.remindersByChannel.putAll(s.remindersByChannel());
        return t;
    }

    /** Adds {@code other}'s sums into these. */
    public KpiTotals add(KpiTotals other) {
        receivables = receivables.add(other.receivables);
        overdue = overdue.add(other.overdue);
        openingReceivables = openingReceivables.add(other.openingReceivables);
        revenue = revenue.add(other.revenue);
        other.revenueByMonth.forEach((month, amount) -> revenueByMonth.merge(month, amount, BigDecimal::add));
        other.revenueByDay.forEach((day, amount) -> revenueByDay.merge(day, amount, BigDecimal::add));
        // Parts of one query read the same months day by day, so a month known on one side is known on the other.
        daysKnown.addAll(other.daysKnown);
        collected = collected.add(other.collected);
        recovered = recovered.add(other.recovered);
        overdueOverWindow = overdueOverWindow.add(other.overdueOverWindow);
        writtenOff = writtenOff.add(other.writtenOff);
        dunningCost = dunningCost.add(other.dunningCost);
        invoicesIssued += other.invoicesIssued;
        invoicesDisputed += other.invoicesDisputed;
        invoicesPaid += other.invoicesPaid;
        paymentDays += other.paymentDays;
        daysLate += other.daysLate;
        paymentAmountDays = paymentAmountDays.add(other.paymentAmountDays);
        paidAmount = paidAmount.add(other.paidAmount);
        casesInProgress += other.casesInProgress;
        casesClosedPaid += other.casesClosedPaid;
        other.aging.forEach((bucket, amount) -> aging.merge(bucket, amount, BigDecimal::add));
        other.remindersByChannel.forEach((channel, count) -> remindersByChannel.merge(channel, count, Long::sum));
        return this;
    }

    /**
     * True when no invoice issued by the date, no dunning case in progress and no reminder in the window is counted:
     * the currency has no figure then.
     */
    public boolean countsNothing() {
        return revenueByMonth.isEmpty() && casesInProgress == 0 && remindersByChannel.isEmpty();
    }

    /** Adds the invoicing of one issue day, whose month's days are all given. */
    void addRevenueDay(LocalDate day, BigDecimal amount) {
        revenueByMonth.merge(YearMonth.from(day), amount, BigDecimal::add);
        revenueByDay.merge(day, amount, BigDecimal::add);
        daysKnown.add(YearMonth.from(day));
    }

    /**
     * The month whose issue days the count-back DSO as of {@code asOf} needs (the month where the receivables are
     * covered, else the earliest one invoiced); empty when it needs none. Its days must be given
     * ({@link #addRevenueDays}) before {@link Kpis#of}.
     */
    public Optional<YearMonth> countBackMonth() {
        return Kpis.countBackMonth(receivables, revenueByMonth);
    }

    /** True when the days of {@code month} are known. */
    public boolean knowsDaysOf(YearMonth month) {
        return daysKnown.contains(month);
    }

    /** Gives every issue day of {@code month} with its amount (of the same ledgers as these sums). */
    public void addRevenueDays(YearMonth month, Map<LocalDate, BigDecimal> days) {
        if (daysKnown.add(month)) {
            days.forEach((day, amount) -> revenueByDay.merge(day, amount, BigDecimal::add));
        }
    }

    public BigDecimal receivables() {
        return receivables;
    }

    public BigDecimal overdue() {
        return overdue;
    }

    public BigDecimal openingReceivables() {
        return openingReceivables;
    }

    public BigDecimal revenue() {
        return revenue;
    }

    public BigDecimal collected() {
        return collected;
    }

    public BigDecimal recovered() {
        return recovered;
    }

    public BigDecimal overdueOverWindow() {
        return overdueOverWindow;
    }

    public BigDecimal writtenOff() {
        return writtenOff;
    }

    public BigDecimal dunningCost() {
        return dunningCost;
    }

    public long invoicesIssued() {
        return invoicesIssued;
    }

    public long invoicesDisputed() {
        return invoicesDisputed;
    }

    public long invoicesPaid() {
        return invoicesPaid;
    }

    public long casesInProgress() {
        return casesInProgress;
    }

    public long casesClosedPaid() {
        return casesClosedPaid;
    }

    public Map<AgingBucket, BigDecimal> aging() {
        return aging;
    }

    public Map<String, Long> remindersByChannel() {
        return remindersByChannel;
    }
}
