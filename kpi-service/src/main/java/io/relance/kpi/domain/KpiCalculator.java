package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds customer ledgers into the sums of {@link KpiTotals}, per currency, as of the end of business day
 * {@code asOf} over the window of {@code windowDays} days that ends on it: the days after {@code asOf - windowDays}
 * up to and including {@code asOf}. Every date is a business date carried by the events.
 */
public final class KpiCalculator {

    private final LocalDate asOf;
    private final LocalDate beforeWindow;
    private final Map<YearMonth, Optional<LocalDate[]>> wholeRuns = new HashMap<>();

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
     * Whether the days of {@code month} are read one by one ({@link #addDay}): the months of the window's first and
     * last days. Every other month up to {@code asOf} is read as a whole ({@link #addMonth}).
     */
    public boolean readsDaysOf(YearMonth month) {
        return month.equals(YearMonth.from(beforeWindow)) || month.equals(YearMonth.from(asOf));
    }

    /**
     * For a month read day by day whose days all end by {@code asOf}: its longest run of days that count alike
     * (first and last day), counted through the month's sums, so that only the days outside it are read; null when
     * the month's days are read and counted one by one.
     */
    private LocalDate[] countedWhole(YearMonth month) {
        return wholeRuns.computeIfAbsent(month, m -> Optional.ofNullable(longestRun(m))).orElse(null);
    }

    private LocalDate[] longestRun(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        if (!readsDaysOf(month) || end.isAfter(asOf)) {
            return null;
        }
        List<LocalDate[]> runs = new ArrayList<>();
        if (!beforeWindow.isBefore(first)) {
            runs.add(new LocalDate[] {first, beforeWindow.isAfter(end) ? end : beforeWindow});
        }
        LocalDate windowFrom = beforeWindow.plusDays(1).isAfter(first) ? beforeWindow.plusDays(1) : first;
        LocalDate windowTo = asOf.minusDays(1).isBefore(end) ? asOf.minusDays(1) : end;
        if (!windowFrom.isAfter(windowTo)) {
            runs.add(new LocalDate[] {windowFrom, windowTo});
        }
        if (!asOf.isBefore(first)) {
            runs.add(new LocalDate[] {asOf, asOf});
        }
        return runs.stream().max(Comparator.comparingLong(run -> ChronoUnit.DAYS.between(run[0], run[1]))).orElseThrow();
    }

    /**
     * Adds the sums of one month of one segment and currency (the sum of its days' {@link DaySums}), unless it is
     * after {@code asOf}, or read day by day without a run counted whole ({@link #countedWhole}): a whole month lies
     * either before the window or inside it, before its last day, so every day of it counts alike.
     */
    public void addMonth(KpiTotals totals, YearMonth month, DaySums sums) {
        LocalDate last;
        if (readsDaysOf(month)) {
            LocalDate[] whole = countedWhole(month);
            if (whole == null) {
                return;
            }
            last = whole[1];
        } else if (month.isAfter(YearMonth.from(asOf))) {
            return;
        } else {
            last = month.atEndOfMonth();
        }
        if (sums.count(DaySums.Count.INVOICES_ISSUED) != 0) {
            totals.revenueByMonth.merge(month, sums.money(DaySums.Money.REVENUE), BigDecimal::add);
        }
        add(totals, last, sums);
    }

    /**
     * Adds the sums of one day ({@link KpiContributions}) of one segment and currency, if its month is read day by
     * day ({@link #readsDaysOf}); a day outside the run its month counts whole is taken off as counted there and
     * added as it counts. Together with {@link #addMonth} over every month, it gives what {@link #addTo} gives for
     * the same ledgers, except the issue days of the months the count-back DSO walks over whole.
     */
    public void addDay(KpiTotals totals, LocalDate day, DaySums sums) {
        YearMonth month = YearMonth.from(day);
        if (day.isAfter(asOf) || !readsDaysOf(month)) {
            return;
        }
        LocalDate[] whole = countedWhole(month);
        if (whole != null) {
            if (day.isBefore(whole[0]) || day.isAfter(whole[1])) {
                add(totals, whole[1], new DaySums().add(sums, -1));
                add(totals, day, sums);
            }
            return;
        }
        totals.daysKnown.add(month);
        if (sums.count(DaySums.Count.INVOICES_ISSUED) != 0) {
            totals.addRevenueDay(day, sums.money(DaySums.Money.REVENUE));
        }
        add(totals, day, sums);
    }

    /** The days this calculator reads one by one ({@link #addDay}), as ranges of first and last day. */
    public List<LocalDate[]> dayRanges() {
        List<LocalDate[]> ranges = new ArrayList<>();
        for (YearMonth month : new TreeSet<>(List.of(YearMonth.from(beforeWindow), YearMonth.from(asOf)))) {
            LocalDate[] whole = countedWhole(month);
            if (whole == null) {
                ranges.add(new LocalDate[] {month.atDay(1), month.atEndOfMonth().isAfter(asOf) ? asOf : month.atEndOfMonth()});
                continue;
            }
            if (whole[0].isAfter(month.atDay(1))) {
                ranges.add(new LocalDate[] {month.atDay(1), whole[0].minusDays(1)});
            }
            if (whole[1].isBefore(month.atEndOfMonth())) {
                ranges.add(new LocalDate[] {whole[1].plusDays(1), month.atEndOfMonth()});
            }
        }
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
            // A day taken off a month read whole subtracts its reminders: a channel back at zero counts nothing.
            sums.remindersByChannel().forEach((channel, count) -> totals.remindersByChannel.merge(channel, count,
                    (a, b) -> a + b == 0 ? null : a + b));
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
