package io.relance.kpi.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.dunning.ClosureReason;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DunningCase;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a contract event into the dated facts of its customer's ledger. Each fact is keyed by the event id (and the
 * allocation's position), so replaying an event rewrites the same facts. Events no KPI reads (ReminderRequested,
 * ReminderFailed) and amounts not allocated to an invoice change nothing.
 */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    /** The ledger after {@code event}; the ledger given may be changed in place. */
    public static CustomerLedger apply(CustomerLedger ledger, RelanceEvent event) {
        String factId = event.eventId().toString();
        if (event instanceof InvoiceIssued e) {
            ledger.invoiceIssued(id(e.invoiceId()), new Issue(e.issueDate(), e.dueDate(), e.amount(), e.currency()));
        } else if (event instanceof InvoiceCancelled e) {
            ledger.moved(id(e.invoiceId()), factId, new Movement(Movement.Kind.CANCELLATION, e.cancelledOn(), e.openAmount()));
        } else if (event instanceof CreditNoteIssued e && e.invoiceId() != null) {
            ledger.moved(id(e.invoiceId()), factId, new Movement(Movement.Kind.CREDIT_NOTE, e.issueDate(), e.amount()));
        } else if (event instanceof InvoiceWrittenOff e) {
            ledger.moved(id(e.invoiceId()), factId, new Movement(Movement.Kind.WRITE_OFF, e.writtenOffOn(), e.amount()));
        } else if (event instanceof DisputeOpened e) {
            ledger.disputeOpened(id(e.invoiceId()), id(e.disputeId()), e.openedOn());
        } else if (event instanceof DisputeResolved e) {
            ledger.disputeResolved(id(e.invoiceId()), id(e.disputeId()), e.resolvedOn());
        } else if (event instanceof PaymentReceived e) {
            allocate(ledger, factId, e.allocations(), Movement.Kind.PAYMENT, e.valueDate());
        } else if (event instanceof PaymentReversed e) {
            allocate(ledger, factId, e.allocations(), Movement.Kind.REVERSAL, e.reversedOn());
        } else if (event instanceof DunningEscalated e) {
            ledger.dunningEscalated(id(e.caseId()),
                    e.invoiceIds().stream().map(UUID::toString).collect(Collectors.toSet()), e.businessDate());
        } else if (event instanceof DunningCaseClosed e) {
            ledger.dunningClosed(id(e.caseId()), id(e.invoiceId()),
                    new DunningCase.Closure(e.closedOn(), e.reason() == ClosureReason.PAID, e.currency()));
        } else if (event instanceof ReminderSent e) {
            // A delivery carries no business date of its own: the business day of its occurrence, in UTC.
            LocalDate sentOn = e.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
            ledger.reminderSent(factId, new ReminderDelivery(sentOn, e.channel().name(), e.cost(), e.costCurrency()));
        } else if (event instanceof CustomerUpdated e) {
            return ledger.withSegment(e.segment().name());
        }
        return ledger;
    }

    private static void allocate(CustomerLedger ledger, String factId, List<Allocation> allocations, Movement.Kind kind,
                                 LocalDate on) {
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            ledger.moved(id(allocation.invoiceId()), factId + "#" + i, new Movement(kind, on, allocation.amount()));
        }
    }

    private static String id(UUID id) {
        return id.toString();
    }
}
