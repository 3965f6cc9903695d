package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

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
    /** Amount invoiced per issue day, up to the window's last day: for the count-back DSO. */
    final Map<LocalDate, BigDecimal> revenueByDay = new TreeMap<>();
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
                           Map<LocalDate, BigDecimal> revenueByDay, BigDecimal collected, BigDecimal recovered,
                           BigDecimal overdueOverWindow, BigDecimal writtenOff, BigDecimal dunningCost, long invoicesIssued,
                           long invoicesDisputed, long invoicesPaid, long paymentDays, long daysLate,
                           BigDecimal paymentAmountDays, BigDecimal paidAmount, long casesInProgress, long casesClosedPaid,
                           Map<AgingBucket, BigDecimal> aging, Map<String, Long> remindersByChannel) {
    }

    public Snapshot snapshot() {
        return new Snapshot(receivables, overdue, openingReceivables, revenue, new TreeMap<>(revenueByDay), collected,
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
        t.revenueByDay.putAll(s.revenueByDay());
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
        other.revenueByDay.forEach((day, amount) -> revenueByDay.merge(day, amount, BigDecimal::add));
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
        return revenueByDay.isEmpty() && casesInProgress == 0 && remindersByChannel.isEmpty();
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
