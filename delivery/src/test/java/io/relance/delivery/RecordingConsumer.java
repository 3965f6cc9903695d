package io.relance.delivery;

import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A consumer as a service writes one: its effect adds a row; an invoice numbered FAIL-* fails every time. */
@ApplicationScoped
public class RecordingConsumer {

    private final Inbox inbox;

    RecordingConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Topics.INVOICE_EVENTS)
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, (session, event) -> {
            if (event instanceof InvoiceIssued issued && issued.invoiceNumber().startsWith("FAIL-")) {
                return Uni.createFrom().failure(new IllegalStateException("this effect always fails"));
            }
            return session.persist(AppliedEffect.of(event.eventId(), event.getClass().getSimpleName()));
        });
    }
}
