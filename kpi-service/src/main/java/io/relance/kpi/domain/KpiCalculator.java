package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Folds customer ledgers into the sums of {@link KpiTotals}, per currency, as of the end of business day
 * {@code asOf} over the window of {@code windowDays} days that ends on it: the days after {@code asOf - windowDays}
 * up to and including {@code asOf}. Every date is a business date carried by the events.
 */
public final class KpiCalculator {

    private final LocalDate asOf;
    private final LocalDate beforeWindow;

    public KpiCalculator(LocalDate asOf, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("a window has at least one day, got " + windowDays);
        }
        this.asOf = asOf;
        this.beforeWindow = asOf.minusDays(windowDays);
    }

    /** The sums of every ledger given, per currency. */
    public Map<String, KpiTotals> totals(Iterable<CustomerLedger> ledgers) {
        Map<String, KpiTotals> byCurrency = new TreeMap<>();
        for (CustomerLedger ledger : ledgers) {
            addTo(byCurrency, ledger);
        }
        return byCurrency;
    }

    /** Adds one ledger's part to {@code byCurrency}. */
    public void addTo(Map<String, KpiTotals> byCurrency, CustomerLedger ledger) {
        for (InvoiceFacts invoice : ledger.invoices().values()) {
            if (invoice.isIssuedBy(asOf)) {
                addInvoice(byCurrency.computeIfAbsent(invoice.issue().currency(), c -> new KpiTotals()), invoice);
            }
        }
        for (DunningCase dunningCase : ledger.cases().values()) {
            String currency = ledger.currencyOf(dunningCase);
            if (currency != null && dunningCase.wasInProgress(beforeWindow, asOf)) {
                KpiTotals totals = byCurrency.computeIfAbsent(currency, c -> new KpiTotals());
                totals.casesInProgress++;
                LocalDate closed = dunningCase.closedOn(asOf);
                if (dunningCase.isClosedPaid(asOf) && closed.isAfter(beforeWindow)) {
                    totals.casesClosedPaid++;
                }
            }
        }
        for (ReminderDelivery reminder : ledger.reminders().values()) {
            if (inWindow(reminder.sentOn())) {
                KpiTotals totals = byCurrency.computeIfAbsent(reminder.currency(), c -> new KpiTotals());
                totals.dunningCost = totals.dunningCost.add(reminder.cost());
                totals.remindersByChannel.merge(reminder.channel(), 1L, Long::sum);
            }
        }
    }

    /**
     * Whether the sums of {@code month} are read day by day ({@link #addDay}): the months of the window's first and
     * last days. Every other month up to {@code asOf} is read as a whole ({@link #addMonth}).
     */
    public boolean readsDaysOf(YearMonth month) {
        return month.equals(YearMonth.from(beforeWindow)) || month.equals(YearMonth.from(asOf));
    }

    /**
     * Adds the sums of one month of one segment and currency (the sum of its days' {@link DaySums}), unless it is
     * read day by day or after {@code asOf}: a whole month lies either before the window or inside it, before its
     * last day, so every day of it counts alike.
     */
    public void addMonth(KpiTotals totals, YearMonth month, DaySums sums) {
        if (readsDaysOf(month) || month.isAfter(YearMonth.from(asOf))) {
            return;
        }
        if (sums.count(DaySums.Count.INVOICES_ISSUED) != 0) {
            totals.revenueByMonth.merge(month, sums.money(DaySums.Money.REVENUE), BigDecimal::add);
        }
        add(totals, month.atEndOfMonth(), sums);
    }

    /**
     * Adds the sums of one day ({@link KpiContributions}) of one segment and currency, if its month is read day by
     * day ({@link #readsDaysOf}). Together with {@link #addMonth} over every month, it gives what {@link #addTo}
     * gives for the same ledgers, except the issue days of the months the count-back DSO walks over whole.
     */
    public void addDay(KpiTotals totals, LocalDate day, DaySums sums) {
        if (day.isAfter(asOf) || !readsDaysOf(YearMonth.from(day))) {
            return;
        }
        totals.daysKnown.add(YearMonth.from(day));
        if (sums.count(DaySums.Count.INVOICES_ISSUED) != 0) {
            totals.addRevenueDay(day, sums.money(DaySums.Money.REVENUE));
        }
        add(totals, day, sums);
    }

    /** The months whose days this calculator reads, with the last day it reads of each. */
    public Map<YearMonth, LocalDate> dayRanges() {
        Map<YearMonth, LocalDate> ranges = new TreeMap<>();
        ranges.put(YearMonth.from(beforeWindow), YearMonth.from(beforeWindow).atEndOfMonth());
        ranges.put(YearMonth.from(asOf), asOf);
        return ranges;
    }

    /**
     * Adds sums of days that all count alike, {@code last} being the latest of them: the changes of the running
     * balances up to {@code asOf} (and up to the day before the window, for the opening figures), the facts dated
     * in the window.
     */
    private void add(KpiTotals totals, LocalDate last, DaySums sums) {
        totals.receivables = plus(totals.receivables, sums, DaySums.Money.RECEIVABLES);
        totals.overdue = plus(totals.overdue, sums, DaySums.Money.OVERDUE);
        for (AgingBucket bucket : AgingBucket.values()) {
            BigDecimal change = sums.money(DaySums.Money.aging(bucket));
            if (change.signum() != 0) {
                totals.aging.merge(bucket, change, BigDecimal::add);
            }
        }
        totals.casesInProgress += sums.count(DaySums.Count.OPEN_CASES);
        if (!last.isAfter(beforeWindow)) {
            totals.openingReceivables = plus(totals.openingReceivables, sums, DaySums.Money.RECEIVABLES);
            // Invoices due by the window's start: their balance then is what was overdue when the window began.
            totals.overdueOverWindow = plus(totals.overdueOverWindow, sums, DaySums.Money.DUE_BALANCE);
            return;
        }
        if (last.isBefore(asOf)) {
            // Invoices falling due inside the window: overdue from the day after, with their balance on the due date.
            totals.overdueOverWindow = plus(totals.overdueOverWindow, sums, DaySums.Money.BALANCE_AT_DUE);
        }
        addDatedFacts(totals, sums);
        if (sums.hasLater()) {
            for (DaySums counted : sums.later().headMap(asOf, true).values()) {
                addDatedFacts(totals, counted);
            }
        }
    }

    private static void addDatedFacts(KpiTotals totals, DaySums sums) {
        totals.revenue = plus(totals.revenue, sums, DaySums.Money.REVENUE);
        totals.invoicesIssued += sums.count(DaySums.Count.INVOICES_ISSUED);
        totals.invoicesDisputed += sums.count(DaySums.Count.INVOICES_DISPUTED);
        totals.collected = plus(totals.collected, sums, DaySums.Money.COLLECTED);
        totals.recovered = plus(totals.recovered, sums, DaySums.Money.RECOVERED);
        totals.writtenOff = plus(totals.writtenOff, sums, DaySums.Money.WRITTEN_OFF);
        totals.dunningCost = plus(totals.dunningCost, sums, DaySums.Money.DUNNING_COST);
        if (sums.hasReminders()) {
            sums.remindersByChannel().forEach((channel, count) -> totals.remindersByChannel.merge(channel, count, Long::sum));
        }
        totals.invoicesPaid += sums.count(DaySums.Count.INVOICES_PAID);
        totals.paymentDays += sums.count(DaySums.Count.PAYMENT_DAYS);
        totals.daysLate += sums.count(DaySums.Count.DAYS_LATE);
        totals.paymentAmountDays = plus(totals.paymentAmountDays, sums, DaySums.Money.PAYMENT_AMOUNT_DAYS);
        totals.paidAmount = plus(totals.paidAmount, sums, DaySums.Money.PAID_AMOUNT);
        totals.casesInProgress += sums.count(DaySums.Count.CASES_CLOSED);
        totals.casesClosedPaid += sums.count(DaySums.Count.CASES_CLOSED_PAID);
    }

    /** {@code total} plus a day's field, without an addition when the field is zero (most are, on most days). */
    private static BigDecimal plus(BigDecimal total, DaySums sums, DaySums.Money field) {
        BigDecimal value = sums.money(field);
        return value.signum() == 0 ? total : total.add(value);
    }

    private void addInvoice(KpiTotals totals, InvoiceFacts invoice) {
        Issue issue = invoice.issue();
        BigDecimal balance = invoice.balance(asOf);
        totals.receivables = totals.receivables.add(balance);
        long daysOverdue = ChronoUnit.DAYS.between(issue.dueDate(), asOf);
        if (balance.signum() > 0) {
            totals.aging.merge(AgingBucket.of(daysOverdue), balance, BigDecimal::add);
            if (daysOverdue > 0) {
                totals.overdue = totals.overdue.add(balance);
            }
        }
        totals.openingReceivables = totals.openingReceivables.add(invoice.balance(beforeWindow));
        totals.addRevenueDay(issue.issueDate(), issue.amount());
        if (inWindow(issue.issueDate())) {
            totals.revenue = totals.revenue.add(issue.amount());
            totals.invoicesIssued++;
            if (invoice.isDisputedBy(asOf)) {
                totals.invoicesDisputed++;
            }
        }
        totals.collected = totals.collected.add(invoice.sum(beforeWindow, asOf, Movement::cashCollected));
        totals.writtenOff = totals.writtenOff.add(invoice.sum(beforeWindow, asOf,
                m -> m.kind() == Movement.Kind.WRITE_OFF ? m.amount() : BigDecimal.ZERO));
        if (issue.dueDate().isBefore(asOf)) {
            // Overdue from the day after its due date: counted from then, or from the window's start if later.
            LocalDate overdueFrom = issue.dueDate().isAfter(beforeWindow) ? issue.dueDate() : beforeWindow;
            totals.overdueOverWindow = totals.overdueOverWindow.add(invoice.balance(overdueFrom));
            totals.recovered = totals.recovered.add(invoice.sum(overdueFrom, asOf, Movement::cashCollected));
        }
        Optional<LocalDate> paidOn = invoice.paidInFullOn(asOf);
        if (paidOn.isPresent() && inWindow(paidOn.get())) {
            long days = ChronoUnit.DAYS.between(issue.issueDate(), paidOn.get());
            totals.invoicesPaid++;
            totals.paymentDays += days;
            totals.daysLate += Math.max(0, ChronoUnit.DAYS.between(issue.dueDate(), paidOn.get()));
            totals.paymentAmountDays = totals.paymentAmountDays.add(issue.amount().multiply(BigDecimal.valueOf(days)));
            totals.paidAmount = totals.paidAmount.add(issue.amount());
        }
    }

    private boolean inWindow(LocalDate day) {
        return day.isAfter(beforeWindow) && !day.isAfter(asOf);
    }
}
