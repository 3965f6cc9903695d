package io.relance.kpi.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A dunning case: started on its first escalation, closed when every invoice it chases is closed. Facts from
 * escalations and closures merge in any order.
 *
 * @param startedOn the earliest escalation's business date; null while only a closure has arrived
 * @param closures per invoice id, how its dunning ended
 */
public record DunningCase(LocalDate startedOn, Set<String> invoiceIds, Map<String, Closure> closures) {

    /** The dunning of one invoice of the case ended on {@code on}; {@code paid} when it ended by payment. */
    public record Closure(LocalDate on, boolean paid, String currency) {
    }

    public DunningCase {
        invoiceIds = invoiceIds == null ? new HashSet<>() : new HashSet<>(invoiceIds);
        closures = closures == null ? new HashMap<>() : new HashMap<>(closures);
    }

    static DunningCase unknown() {
        return new DunningCase(null, null, null);
    }

    DunningCase escalated(LocalDate on, Set<String> invoices) {
        DunningCase next = new DunningCase(startedOn == null || on.isBefore(startedOn) ? on : startedOn, invoiceIds, closures);
        next.invoiceIds.addAll(invoices);
        return next;
    }

    DunningCase closed(String invoiceId, Closure closure) {
        DunningCase next = new DunningCase(startedOn, invoiceIds, closures);
        next.invoiceIds.add(invoiceId);
        next.closures.put(invoiceId, closure);
        return next;
    }

    /** The day the case closed as seen at the end of day {@code t}; null while an invoice of it is still chased. */
    public LocalDate closedOn(LocalDate t) {
        LocalDate last = null;
        for (String invoice : invoiceIds) {
            Closure closure = closures.get(invoice);
            if (closure == null || closure.on().isAfter(t)) {
                return null;
            }
            last = last == null || closure.on().isAfter(last) ? closure.on() : last;
        }
        return last;
    }

    /** True when, by {@code t}, the case closed and every invoice of it ended by payment. */
    public boolean isClosedPaid(LocalDate t) {
        return closedOn(t) != null && closures.values().stream().allMatch(Closure::paid);
    }

    /** True when the case was open at some moment of the window {@code (from, to]}. */
    public boolean wasInProgress(LocalDate from, LocalDate to) {
        if (startedOn == null || startedOn.isAfter(to)) {
            return false;
        }
        LocalDate closed = closedOn(to);
        return closed == null || closed.isAfter(from);
    }
}
