package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a customer's ledger adds to the {@link DaySums} of its segment and currencies, so that the KPIs of any date
 * and window are read from a few sums per day rather than from every invoice ({@link KpiCalculator#addDay}). Each
 * running figure (receivables, overdue, aging) is a step function of the date for one invoice: its changes are
 * recorded on the days they happen, including the days an open balance passes its due date and each aging bucket.
 */
public final class KpiContributions {

    private KpiContributions() {
    }

    /** Everything {@code ledger} adds (null: nothing). */
    public static Map<DayKey, DaySums> of(CustomerLedger ledger) {
        Map<DayKey, DaySums> sums = new HashMap<>();
        addLedger(sums, ledger, 1);
        return sums;
    }

    /**
     * What changes in the sums when {@code before} (null: no ledger yet) becomes {@code after}: the old part of each
     * changed element taken off, its new part added; days whose change is zero are left out. Ledgers replace their
     * elements rather than change them in place, so an element that is the same object in both did not change.
     */
    public static Map<DayKey, DaySums> change(CustomerLedger before, CustomerLedger after) {
        Map<DayKey, DaySums> sums = new HashMap<>();
        if (before == null || !Objects.equals(before.segment(), after.segment())) {
            addLedger(sums, before, -1);
            addLedger(sums, after, 1);
        } else {
            String segment = after.segment();
            Set<String> invoiceIds = new HashSet<>(before.invoices().keySet());
            invoiceIds.addAll(after.invoices().keySet());
            for (String id : invoiceIds) {
                InvoiceFacts old = before.invoices().get(id);
                InvoiceFacts now = after.invoices().get(id);
                if (old != now) {
                    addInvoice(sums, segment, old, -1);
                    addInvoice(sums, segment, now, 1);
                }
            }
            // A case counts in the currency of its invoices: any change may move it, and a customer has few cases.
            before.cases().values().forEach(c -> addCase(sums, segment, before, c, -1));
            after.cases().values().forEach(c -> addCase(sums, segment, after, c, 1));
            Set<String> reminderIds = new HashSet<>(before.reminders().keySet());
            reminderIds.addAll(after.reminders().keySet());
            for (String id : reminderIds) {
                ReminderDelivery old = before.reminders().get(id);
                ReminderDelivery now = after.reminders().get(id);
                if (old != now) {
                    addReminder(sums, segment, old, -1);
                    addReminder(sums, segment, now, 1);
                }
            }
        }
        for (Iterator<DaySums> days = sums.values().iterator(); days.hasNext(); ) {
            if (days.next().isZero()) {
                days.remove();
            }
        }
        return sums;
    }

    private static void addLedger(Map<DayKey, DaySums> sums, CustomerLedger ledger, int sign) {
        if (ledger == null) {
            return;
        }
        ledger.invoices().values().forEach(invoice -> addInvoice(sums, ledger.segment(), invoice, sign));
        ledger.cases().values().forEach(c -> addCase(sums, ledger.segment(), ledger, c, sign));
        ledger.reminders().values().forEach(reminder -> addReminder(sums, ledger.segment(), reminder, sign));
    }

    private static void addInvoice(Map<DayKey, DaySums> sums, String segment, InvoiceFacts invoice, int sign) {
        if (invoice == null || invoice.issue() == null) {
            return;
        }
        Issue issue = invoice.issue();
        LocalDate issued = issue.issueDate();
        LocalDate due = issue.dueDate();
        Day day = new Day(sums, segment, issue.currency(), sign);

        // Running balances: their value on each day something can change, recorded as the change from the previous.
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(issued);
        for (long offset : new long[] {0, 1, 31, 61, 91}) {
            changes.add(due.plusDays(offset));
        }
        invoice.movements().values().forEach(m -> changes.add(m.on()));
        BigDecimal[] previous = runningValues(invoice, issued.minusDays(1));
        for (LocalDate t : changes.tailSet(issued, true)) {
            BigDecimal[] now = runningValues(invoice, t);
            DaySums sumsOfT = null;
            for (int i = 0; i < now.length; i++) {
                BigDecimal change = now[i].subtract(previous[i]);
                if (change.signum() != 0) {
                    sumsOfT = sumsOfT == null ? day.at(t) : sumsOfT;
                    sumsOfT.add(DaySums.Money.values()[i], day.signed(change));
                }
            }
            previous = now;
        }

        day.at(issued).add(DaySums.Money.REVENUE, day.signed(issue.amount())).add(DaySums.Count.INVOICES_ISSUED, sign);
        invoice.disputes().values().stream().map(Dispute::openedOn).filter(Objects::nonNull).min(LocalDate::compareTo)
                .ifPresent(opened -> day.at(issued, opened).add(DaySums.Count.INVOICES_DISPUTED, sign));
        BigDecimal atDue = invoice.balance(due);
        if (atDue.signum() != 0) {
            day.at(due).add(DaySums.Money.BALANCE_AT_DUE, day.signed(atDue));
        }
        for (Movement m : invoice.movements().values()) {
            // A movement dated before its invoice's issue counts once the invoice is issued.
            DaySums facts = day.at(m.on(), issued);
            BigDecimal cash = m.cashCollected();
            if (cash.signum() != 0) {
                facts.add(DaySums.Money.COLLECTED, day.signed(cash));
                if (m.on().isAfter(due)) {
                    facts.add(DaySums.Money.RECOVERED, day.signed(cash));
                }
            }
            if (m.kind() == Movement.Kind.WRITE_OFF) {
                facts.add(DaySums.Money.WRITTEN_OFF, day.signed(m.amount()));
            }
        }
        addPaidInFull(day, invoice);
    }

    /** Receivables, overdue, due balance and the aging buckets of one invoice at the end of {@code t}, in {@link DaySums.Money} order. */
    private static BigDecimal[] runningValues(InvoiceFacts invoice, LocalDate t) {
        BigDecimal[] values = new BigDecimal[DaySums.Money.AGING_OVER_90.ordinal() + 1];
        Arrays.fill(values, BigDecimal.ZERO);
        BigDecimal balance = invoice.balance(t);
        LocalDate due = invoice.issue().dueDate();
        values[DaySums.Money.RECEIVABLES.ordinal()] = balance;
        values[DaySums.Money.OVERDUE.ordinal()] = due.isBefore(t) ? balance : BigDecimal.ZERO;
        values[DaySums.Money.DUE_BALANCE.ordinal()] = due.isAfter(t) ? BigDecimal.ZERO : balance;
        values[DaySums.Money.aging(AgingBucket.of(ChronoUnit.DAYS.between(due, t))).ordinal()] = balance;
        return values;
    }

    /**
     * The invoice counts as paid in full on day p while, seen from the end of a date, it is settled by payment since
     * p: from the day that became true until the day it stops (a reversal re-opens it, a write-off follows).
     */
    private static void addPaidInFull(Day day, InvoiceFacts invoice) {
        LocalDate issued = invoice.issue().issueDate();
        TreeSet<LocalDate> changes = new TreeSet<>();
        changes.add(issued);
        invoice.movements().values().forEach(m -> changes.add(m.on()));
        Optional<LocalDate> current = Optional.empty();
        for (LocalDate t : changes.tailSet(issued, true)) {
            Optional<LocalDate> paidOn = invoice.paidInFullOn(t);
            if (!paidOn.equals(current)) {
                current.ifPresent(p -> addPaid(day.at(p, t), invoice.issue(), p, -day.sign));
                paidOn.ifPresent(p -> addPaid(day.at(p, t), invoice.issue(), p, day.sign));
                current = paidOn;
            }
        }
    }

    private static void addPaid(DaySums facts, Issue issue, LocalDate paidOn, int sign) {
        long days = ChronoUnit.DAYS.between(issue.issueDate(), paidOn);
        long late = Math.max(0, ChronoUnit.DAYS.between(issue.dueDate(), paidOn));
        BigDecimal amount = sign == 1 ? issue.amount() : issue.amount().negate();
        facts.add(DaySums.Count.INVOICES_PAID, sign).add(DaySums.Count.PAYMENT_DAYS, sign * days)
                .add(DaySums.Count.DAYS_LATE, sign * late)
                .add(DaySums.Money.PAYMENT_AMOUNT_DAYS, amount.multiply(BigDecimal.valueOf(days)))
                .add(DaySums.Money.PAID_AMOUNT, amount);
    }

    /**
     * A case is in progress over a window when it started by its end and closed after its start: counted as open
     * from its start to its closure, plus once on its closing day for the windows that contain that day.
     */
    private static void addCase(Map<DayKey, DaySums> sums, String segment, CustomerLedger ledger, DunningCase dunningCase,
                                int sign) {
        String currency = ledger.currencyOf(dunningCase);
        LocalDate started = dunningCase.startedOn();
        if (currency == null || started == null) {
            return;
        }
        Day day = new Day(sums, segment, currency, sign);
        LocalDate closed = dunningCase.closedOn(LocalDate.MAX);
        if (closed == null || closed.isAfter(started)) {
            day.at(started).add(DaySums.Count.OPEN_CASES, sign);
            if (closed != null) {
                day.at(closed).add(DaySums.Count.OPEN_CASES, -sign);
            }
        }
        if (closed != null) {
            DaySums facts = day.at(closed, started).add(DaySums.Count.CASES_CLOSED, sign);
            if (dunningCase.isClosedPaid(LocalDate.MAX)) {
                facts.add(DaySums.Count.CASES_CLOSED_PAID, sign);
            }
        }
    }

    private static void addReminder(Map<DayKey, DaySums> sums, String segment, ReminderDelivery reminder, int sign) {
        if (reminder == null) {
            return;
        }
        Day day = new Day(sums, segment, reminder.currency(), sign);
        day.at(reminder.sentOn()).add(DaySums.Money.DUNNING_COST, day.signed(reminder.cost()))
                .addReminders(reminder.channel(), sign);
    }

    /** The days of one segment and currency, added to with one sign. */
    private record Day(Map<DayKey, DaySums> sums, String segment, String currency, int sign) {

        DaySums at(LocalDate on) {
            return sums.computeIfAbsent(new DayKey(segment, currency, on), key -> new DaySums());
        }

        /** The facts dated {@code on} that count from {@code from} on (from the day itself when earlier). */
        DaySums at(LocalDate on, LocalDate from) {
            return from.isAfter(on) ? at(on).countedFrom(from) : at(on);
        }

        BigDecimal signed(BigDecimal amount) {
            return sign == 1 ? amount : amount.negate();
        }
    }
}
