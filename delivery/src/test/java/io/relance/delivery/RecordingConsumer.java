package io.relance.delivery;

import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.payment.PaymentReceived;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Consumers as a service writes them: each effect adds a row; an invoice numbered FAIL-* fails every time; one
 * numbered ECHO-* also publishes an invoice numbered ECHOED-* (an event a consumer publishes in turn); a
 * tombstone on customer-profiles adds an "erased" row. Payments are consumed in batches, one statement per batch;
 * a batch holding a payment of {@link #FAILING_AMOUNT} fails every time, one of {@link #ECHO_AMOUNT} publishes an
 * invoice numbered ECHOED-PAYMENT.
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

    static final BigDecimal FAILING_AMOUNT = new BigDecimal("666.00");
    static final BigDecimal ECHO_AMOUNT = new BigDecimal("777.00");

    private static final String RECORD_ALL = """
            INSERT INTO applied_effect (event_id, note)
            SELECT e.event_id, e.note FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]))
                WITH ORDINALITY AS e(event_id, note, position)
            ORDER BY e.position""";

    @Incoming(Topics.PAYMENT_EVENTS)
    public Uni<Void> consumePayments(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleBatch(batch, (session, events) -> {
            List<PaymentReceived> payments = events.stream().map(PaymentReceived.class::cast).toList();
            if (payments.stream().anyMatch(p -> p.amount().compareTo(FAILING_AMOUNT) == 0)) {
                return Uni.createFrom().failure(new IllegalStateException("this effect always fails"));
            }
            Uni<Void> applied = session.createNativeQuery(RECORD_ALL)
                    .setParameter(1, payments.stream().map(PaymentReceived::eventId).toArray(UUID[]::new))
                    .setParameter(2, payments.stream().map(p -> "payment " + p.amount().toPlainString()).toArray(String[]::new))
                    .executeUpdate().replaceWithVoid();
            List<InvoiceIssued> echoes = payments.stream().filter(p -> p.amount().compareTo(ECHO_AMOUNT) == 0)
                    .map(p -> Events.invoiceIssued(p.customerId(), "ECHOED-PAYMENT")).toList();
            return applied.chain(() -> outbox.appendAll(session, echoes));
        });
    }

    @Incoming(Topics.CUSTOMER_PROFILES)
    public Uni<Void> consumeProfiles(Message<byte[]> message) {
        return inbox.handle(message,
                (session, event) -> session.persist(AppliedEffect.of(event.eventId(), "profile")),
                (session, key) -> session.persist(AppliedEffect.of(ERASURES, "erased " + key)));
    }

    /** The event id under which erasure effects are recorded in the tests. */
    static final UUID ERASURES = UUID.fromString("00000000-0000-0000-0000-00000000e4a5");
}
