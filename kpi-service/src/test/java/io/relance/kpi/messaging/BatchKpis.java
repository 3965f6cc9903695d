package io.relance.kpi.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reference computation for the property test: EUR figures straight from a log of contract events, the plain
 * way a spreadsheet would (dedupe by event id, then for each invoice walk its days), sharing no code with the
 * service's ledger or calculator.
 */
final class BatchKpis {

    /** The figures the property test compares. */
    record Figures(BigDecimal receivables, BigDecimal overdue, BigDecimal revenue, BigDecimal collected,
                   BigDecimal recovered, BigDecimal overdueOverWindow, BigDecimal writtenOff, BigDecimal dunningCost,
                   BigDecimal openingReceivables, long invoicesIssued, long invoicesDisputed, long invoicesPaid,
                   long paymentDays, List<BigDecimal> aging) {
    }

    /** A dated change to one invoice's balance. */
    private record Change(LocalDate on, BigDecimal delta, boolean payment, boolean closesUnpaid, boolean writeOff) {
    }

    private final Map<UUID, InvoiceIssued> invoices = new LinkedHashMap<>();
    private final Map<UUID, List<Change>> changes = new HashMap<>();
    private final Map<UUID, List<LocalDate>> disputesOpened = new HashMap<>();
    private final List<ReminderSent> reminders = new ArrayList<>();

    BatchKpis(Collection<RelanceEvent> log) {
        Map<UUID, RelanceEvent> unique = new LinkedHashMap<>();
        log.forEach(event -> unique.putIfAbsent(event.eventId(), event));
        for (RelanceEvent event : unique.values()) {
            if (event instanceof InvoiceIssued e) {
                invoices.put(e.invoiceId(), e);
            } else if (event instanceof PaymentReceived e) {
                for (Allocation a : e.allocations()) {
                    change(a.invoiceId(), new Change(e.valueDate(), a.amount().negate(), true, false, false));
                }
            } else if (event instanceof PaymentReversed e) {
                for (Allocation a : e.allocations()) {
                    change(a.invoiceId(), new Change(e.reversedOn(), a.amount(), true, false, false));
                }
            } else if (event instanceof CreditNoteIssued e && e.invoiceId() != null) {
                change(e.invoiceId(), new Change(e.issueDate(), e.amount().negate(), false, false, false));
            } else if (event instanceof InvoiceWrittenOff e) {
                change(e.invoiceId(), new Change(e.writtenOffOn(), e.amount().negate(), false, true, true));
            } else if (event instanceof InvoiceCancelled e) {
                change(e.invoiceId(), new Change(e.cancelledOn(), e.openAmount().negate(), false, true, false));
            } else if (event instanceof DisputeOpened e) {
                disputesOpened.computeIfAbsent(e.invoiceId(), id -> new ArrayList<>()).add(e.openedOn());
            } else if (event instanceof ReminderSent e) {
                reminders.add(e);
            }
        }
    }

    Figures figures(LocalDate t, int windowDays) {
        LocalDate start = t.minusDays(windowDays);
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal recovered = BigDecimal.ZERO;
        BigDecimal overdueOverWindow = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO;
        BigDecimal opening = BigDecimal.ZERO;
        long issued = 0;
        long disputed = 0;
        long paid = 0;
        long paymentDays = 0;
        BigDecimal[] aging = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (InvoiceIssued invoice : invoices.values()) {
            if (invoice.issueDate().isAfter(t)) {
                continue;
            }
            List<Change> mine = changes.getOrDefault(invoice.invoiceId(), List.of());
            BigDecimal balance = balance(invoice, mine, t);
            receivables = receivables.add(balance);
            long late = ChronoUnit.DAYS.between(invoice.dueDate(), t);
            if (balance.signum() > 0) {
                int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
                aging[bucket] = aging[bucket].add(balance);
                if (late > 0) {
                    overdue = overdue.add(balance);
                }
            }
            opening = opening.add(balance(invoice, mine, start));
            boolean issuedInWindow = invoice.issueDate().isAfter(start);
            if (issuedInWindow) {
                revenue = revenue.add(invoice.amount());
                issued++;
                if (disputesOpened.getOrDefault(invoice.invoiceId(), List.of()).stream().anyMatch(d -> !d.isAfter(t))) {
                    disputed++;
                }
            }
            LocalDate overdueFrom = invoice.dueDate().isAfter(start) ? invoice.dueDate() : start;
            for (Change change : mine) {
                boolean inWindow = change.on().isAfter(start) && !change.on().isAfter(t);
                if (inWindow && change.payment()) {
                    collected = collected.subtract(change.delta());
                    if (invoice.dueDate().isBefore(t) && change.on().isAfter(overdueFrom)) {
                        recovered = recovered.subtract(change.delta());
                    }
                }
                if (inWindow && change.writeOff()) {
                    writtenOff = writtenOff.subtract(change.delta());
                }
            }
            if (invoice.dueDate().isBefore(t)) {
                overdueOverWindow = overdueOverWindow.add(balance(invoice, mine, overdueFrom));
            }
            LocalDate paidOn = paidInFullOn(invoice, mine, t);
            if (paidOn != null && paidOn.isAfter(start)) {
                paid++;
                paymentDays += ChronoUnit.DAYS.between(invoice.issueDate(), paidOn);
            }
        }
        BigDecimal cost = BigDecimal.ZERO;
        for (ReminderSent reminder : reminders) {
            LocalDate on = reminder.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
            if (on.isAfter(start) && !on.isAfter(t) && reminder.costCurrency().equals("EUR")) {
                cost = cost.add(reminder.cost());
            }
        }
        return new Figures(receivables, overdue, revenue, collected, recovered, overdueOverWindow, writtenOff, cost,
                opening, issued, disputed, paid, paymentDays, List.of(aging));
    }

    private void change(UUID invoice, Change change) {
        changes.computeIfAbsent(invoice, id -> new ArrayList<>()).add(change);
    }

    private static BigDecimal balance(InvoiceIssued invoice, List<Change> changes, LocalDate t) {
        if (invoice.issueDate().isAfter(t)) {
            return BigDecimal.ZERO;
        }
        BigDecimal balance = invoice.amount();
        for (Change change : changes) {
            if (!change.on().isAfter(t)) {
                balance = balance.add(change.delta());
            }
        }
        return balance.max(BigDecimal.ZERO);
    }

    /** Walks the invoice's life day by day: the last day its balance went from open to settled, if paid. */
    private static LocalDate paidInFullOn(InvoiceIssued invoice, List<Change> changes, LocalDate t) {
        if (changes.stream().anyMatch(c -> c.closesUnpaid() && !c.on().isAfter(t))
                || changes.stream().noneMatch(c -> c.payment() && c.delta().signum() < 0 && !c.on().isAfter(t))) {
            return null;
        }
        LocalDate first = changes.stream().map(Change::on).min(LocalDate::compareTo).orElse(invoice.issueDate());
        LocalDate day = first.isBefore(invoice.issueDate()) ? first : invoice.issueDate();
        BigDecimal raw = invoice.amount();
        LocalDate settled = null;
        for (; !day.isAfter(t); day = day.plusDays(1)) {
            boolean open = raw.signum() > 0;
            for (Change change : changes) {
                if (change.on().equals(day)) {
                    raw = raw.add(change.delta());
                }
            }
            if (open && raw.signum() <= 0) {
                settled = day.isBefore(invoice.issueDate()) ? invoice.issueDate() : day;
            }
        }
        return raw.signum() <= 0 ? settled : null;
    }
}
