package io.relance.delivery;

import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumers as a service writes them: each effect adds a row; an invoice numbered FAIL-* fails every time; one
 * numbered ECHO-* also publishes an invoice numbered ECHOED-* (an event a consumer publishes in turn); a
 * tombstone on customer-profiles adds an "erased" row.
 */
@ApplicationScoped
public class RecordingConsumer {

    private final Inbox inbox;

    private final Outbox outbox;

    RecordingConsumer(Inbox inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Incoming(Topics.INVOICE_EVENTS)
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, (session, event) -> {
            if (event instanceof InvoiceIssued issued && issued.invoiceNumber().startsWith("FAIL-")) {
                return Uni.createFrom().failure(new IllegalStateException("this effect always fails"));
            }
            Uni<Void> applied = session.persist(AppliedEffect.of(event.eventId(), event.getClass().getSimpleName()));
            if (event instanceof InvoiceIssued issued && issued.invoiceNumber().startsWith("ECHO-")) {
                return applied.chain(() -> outbox.append(session,
                        Events.invoiceIssued(issued.customerId(), issued.invoiceNumber().replace("ECHO-", "ECHOED-"))));
            }
            return applied;
        });
    }

    @Incoming(Topics.CUSTOMER_PROFILES)
    public Uni<Void> consumeProfiles(Message<byte[]> message) {
        return inbox.handle(message,
                (session, event) -> session.persist(AppliedEffect.of(event.eventId(), "profile")),
                (session, key) -> session.persist(AppliedEffect.of(ERASURES, "erased " + key)));
    }

    /** The event id under which erasure effects are recorded in the tests. */
    static final java.util.UUID ERASURES = java.util.UUID.fromString("00000000-0000-0000-0000-00000000e4a5");
}
