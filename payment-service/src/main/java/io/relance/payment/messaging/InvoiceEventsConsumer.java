package io.relance.payment.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.delivery.Inbox;
import io.relance.delivery.PoisonEventException;
import io.relance.payment.application.LedgerConflictException;
import io.relance.payment.application.OpenItemLedger;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Builds the open-items read model from invoice-service's events. */
@ApplicationScoped
public class InvoiceEventsConsumer {

    public static final String CHANNEL = "invoice-events-in";

    private final Inbox inbox;
    private final OpenItemLedger ledger;

    InvoiceEventsConsumer(Inbox inbox, OpenItemLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, (session, event) -> apply(event)
                .onFailure(LedgerConflictException.class)
                .transform(e -> new PoisonEventException(e.getMessage(), e)));
    }

    private Uni<Void> apply(RelanceEvent event) {
        if (event instanceof InvoiceIssued issued) {
            return ledger.invoiceIssued(issued.customerId(), issued.invoiceId(), issued.invoiceNumber(),
                    issued.dueDate(), issued.amount(), issued.currency());
        }
        if (event instanceof CreditNoteIssued credit) {
            // A credit note on the customer's account as a whole names no invoice: no open item changes.
            return credit.invoiceId() == null ? Uni.createFrom().voidItem()
                    : ledger.creditNoteIssued(credit.customerId(), credit.invoiceId(), credit.amount(), credit.currency());
        }
        if (event instanceof InvoiceCancelled cancelled) {
            return ledger.invoiceClosed(cancelled.customerId(), cancelled.invoiceId(), OpenItemLedger.CANCELLED);
        }
        if (event instanceof InvoiceWrittenOff writtenOff) {
            return ledger.invoiceClosed(writtenOff.customerId(), writtenOff.invoiceId(), OpenItemLedger.WRITTEN_OFF);
        }
        // Disputes do not change what is owed, so they do not change matching.
        return Uni.createFrom().voidItem();
    }
}
