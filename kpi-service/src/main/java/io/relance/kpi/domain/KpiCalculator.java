package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        totals.revenueByDay.merge(issue.issueDate(), issue.amount(), BigDecimal::add);
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
