package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything known about one invoice, each fact under the id of the event that brought it, so that applying an
 * event twice or in another order gives the same facts. {@code issue} is null while only later events (a payment
 * that overtook its invoice) have arrived; such an invoice counts nowhere until it is issued.
 */
public record InvoiceFacts(Issue issue, Map<String, Movement> movements, Map<String, Dispute> disputes) {

    public InvoiceFacts {
        movements = movements == null ? new HashMap<>() : new HashMap<>(movements);
        disputes = disputes == null ? new HashMap<>() : new HashMap<>(disputes);
    }

    static InvoiceFacts unknown() {
        return new InvoiceFacts(null, null, null);
    }

    /** The same facts in maps of their own. */
    InvoiceFacts copy() {
        return new InvoiceFacts(issue, movements, disputes);
    }

    InvoiceFacts issued(Issue issued) {
        return new InvoiceFacts(issued, movements, disputes);
    }

    /** True when the invoice exists on date {@code t}: issued on or before it. */
    public boolean isIssuedBy(LocalDate t) {
        return issue != null && !issue.issueDate().isAfter(t);
    }

    /** Open balance at the end of business day {@code t}; zero before issue, never negative. */
    public BigDecimal balance(LocalDate t) {
        if (!isIssuedBy(t)) {
            return BigDecimal.ZERO;
        }
        BigDecimal balance = issue.amount();
        for (Movement m : movements.values()) {
            if (!m.on().isAfter(t)) {
                balance = balance.add(m.balanceChange());
            }
        }
        return balance.signum() > 0 ? balance : BigDecimal.ZERO;
    }

    /** Overdue at the end of day {@code t}: its due date has passed and something is still open. */
    public boolean isOverdue(LocalDate t) {
        return isIssuedBy(t) && issue.dueDate().isBefore(t) && balance(t).signum() > 0;
    }

    /** Sum of {@code effect} over the movements dated in {@code (from, to]}. */
    BigDecimal sum(LocalDate from, LocalDate to, Function<Movement, BigDecimal> effect) {
        BigDecimal total = BigDecimal.ZERO;
        for (Movement m : movements.values()) {
            if (m.on().isAfter(from) && !m.on().isAfter(to)) {
                total = total.add(effect.apply(m));
            }
        }
        return total;
    }

    /**
     * The day this invoice was paid in full, as seen at the end of day {@code t}: empty while anything is open,
     * or when a write-off or cancellation (not a payment) closed it.
     */
    public Optional<LocalDate> paidInFullOn(LocalDate t) {
        if (!isIssuedBy(t) || balance(t).signum() > 0) {
            return Optional.empty();
        }
        List<Movement> upToT = movements.values().stream().filter(m -> !m.on().isAfter(t))
                .sorted(Comparator.comparing(Movement::on)).toList();
        boolean paid = false;
        for (Movement m : upToT) {
            if (m.kind() == Movement.Kind.WRITE_OFF || m.kind() == Movement.Kind.CANCELLATION) {
                return Optional.empty();
            }
            paid |= m.kind() == Movement.Kind.PAYMENT;
        }
        if (!paid) {
            return Optional.empty();
        }
        // The last day the balance went from open to settled; a reversal may have re-opened it before.
        BigDecimal balance = issue.amount();
        LocalDate settledOn = null;
        int i = 0;
        while (i < upToT.size()) {
            LocalDate day = upToT.get(i).on();
            boolean wasOpen = balance.signum() > 0;
            while (i < upToT.size() && upToT.get(i).on().equals(day)) {
                balance = balance.add(upToT.get(i).balanceChange());
                i++;
            }
            if (wasOpen && balance.signum() <= 0) {
                settledOn = day;
            }
        }
        return Optional.ofNullable(settledOn).map(day -> day.isBefore(issue.issueDate()) ? issue.issueDate() : day);
    }

    /** True when a dispute on it was opened on or before {@code t}. */
    public boolean isDisputedBy(LocalDate t) {
        return disputes.values().stream().anyMatch(d -> d.openedOn() != null && !d.openedOn().isAfter(t));
    }
}
