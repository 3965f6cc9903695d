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
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Builds the open-items read model from invoice-service's events, a poll at a time: one transaction and two
 * statements per poll (see {@link OpenItemLedger#applyAll}).
 */
@ApplicationScoped
public class InvoiceEventsConsumer {

    public static final String CHANNEL = "invoice-events-in";

    private final Inbox inbox;
    private final OpenItemLedger ledger;

    InvoiceEventsConsumer(Inbox inbox, OpenItemLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    /** A conflict fails the poll; the inbox then applies its events one by one and dead-letters the one at fault. */
    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleBatch(batch, (session, events) -> ledger.applyAll(events.stream()
                        .map(InvoiceEventsConsumer::change).flatMap(Optional::stream).toList())
                .onFailure(LedgerConflictException.class)
                .transform(e -> new PoisonEventException(e.getMessage(), e)));
    }

    private static Optional<OpenItemLedger.Change> change(RelanceEvent event) {
        if (event instanceof InvoiceIssued issued) {
            return Optional.of(OpenItemLedger.Change.issued(issued.customerId(), issued.invoiceId(),
                    issued.invoiceNumber(), issued.dueDate(), issued.amount(), issued.currency()));
        }
        if (event instanceof CreditNoteIssued credit) {
            // A credit note on the customer's account as a whole names no invoice: no open item changes.
            return credit.invoiceId() == null ? Optional.empty()
                    : Optional.of(OpenItemLedger.Change.credited(credit.customerId(), credit.invoiceId(),
                    credit.amount(), credit.currency()));
        }
        if (event instanceof InvoiceCancelled cancelled) {
            return Optional.of(OpenItemLedger.Change.closed(cancelled.customerId(), cancelled.invoiceId(),
                    OpenItemLedger.CANCELLED));
        }
        if (event instanceof InvoiceWrittenOff writtenOff) {
            return Optional.of(OpenItemLedger.Change.closed(writtenOff.customerId(), writtenOff.invoiceId(),
                    OpenItemLedger.WRITTEN_OFF));
        }
        // Disputes do not change what is owed, so they do not change matching.
        return Optional.empty();
    }
}
