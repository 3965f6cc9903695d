package io.relance.kpi.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The facts about one customer that the KPIs are computed from: its invoices, dunning cases and reminders, each
 * fact stored under its own key (event id, invoice id, case id), so that applying a fact twice or facts in any
 * order ends in the same ledger. Elements are replaced, never changed in place, so that a {@link #copy()} taken
 * before a change still holds them as they were ({@link KpiContributions#change} relies on it).
 *
 * @param segment the customer's latest segment; null while unknown (or after its profile was erased)
 */
public record CustomerLedger(String customerId, String segment, Map<String, InvoiceFacts> invoices,
                             Map<String, DunningCase> cases, Map<String, ReminderDelivery> reminders) {

    public CustomerLedger {
        invoices = invoices == null ? new HashMap<>() : new HashMap<>(invoices);
        cases = cases == null ? new HashMap<>() : new HashMap<>(cases);
        reminders = reminders == null ? new HashMap<>() : new HashMap<>(reminders);
    }

    public static CustomerLedger empty(String customerId) {
        return new CustomerLedger(customerId, null, null, null, null);
    }

    /** A ledger that changes independently of this one and shares its (never changed) elements. */
    public CustomerLedger copy() {
        return new CustomerLedger(customerId, segment, invoices, cases, reminders);
    }

    public CustomerLedger withSegment(String newSegment) {
        return new CustomerLedger(customerId, newSegment, invoices, cases, reminders);
    }

    public void invoiceIssued(String invoiceId, Issue issue) {
        invoices.put(invoiceId, invoice(invoiceId).issued(issue));
    }

    /** Records a balance movement of an invoice under {@code factId}: a second time with the same id changes nothing. */
    public void moved(String invoiceId, String factId, Movement movement) {
        InvoiceFacts changed = invoice(invoiceId).copy();
        changed.movements().put(factId, movement);
        invoices.put(invoiceId, changed);
    }

    public void disputeOpened(String invoiceId, String disputeId, LocalDate on) {
        InvoiceFacts changed = invoice(invoiceId).copy();
        changed.disputes().merge(disputeId, new Dispute(on, null), (known, fresh) -> known.opened(on));
        invoices.put(invoiceId, changed);
    }

    public void disputeResolved(String invoiceId, String disputeId, LocalDate on) {
        InvoiceFacts changed = invoice(invoiceId).copy();
        changed.disputes().merge(disputeId, new Dispute(null, on), (known, fresh) -> known.resolved(on));
        invoices.put(invoiceId, changed);
    }

    public void dunningEscalated(String caseId, Set<String> invoiceIds, LocalDate on) {
        cases.put(caseId, cases.getOrDefault(caseId, DunningCase.unknown()).escalated(on, invoiceIds));
    }

    public void dunningClosed(String caseId, String invoiceId, DunningCase.Closure closure) {
        cases.put(caseId, cases.getOrDefault(caseId, DunningCase.unknown()).closed(invoiceId, closure));
    }

    public void reminderSent(String deliveryFactId, ReminderDelivery delivery) {
        reminders.put(deliveryFactId, delivery);
    }

    /** The currency a case counts in: that of its first issued invoice, else of a closure; null if unknown yet. */
    String currencyOf(DunningCase dunningCase) {
        for (String invoiceId : dunningCase.invoiceIds().stream().sorted().toList()) {
            InvoiceFacts invoice = invoices.get(invoiceId);
            if (invoice != null && invoice.issue() != null) {
                return invoice.issue().currency();
            }
        }
        return dunningCase.closures().values().stream().map(DunningCase.Closure::currency).sorted().findFirst().orElse(null);
    }

    private InvoiceFacts invoice(String invoiceId) {
        return invoices.getOrDefault(invoiceId, InvoiceFacts.unknown());
    }
}
