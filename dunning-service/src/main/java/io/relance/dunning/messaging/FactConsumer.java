package io.relance.dunning.messaging;

import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeOutcome;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderFailed;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import io.relance.delivery.Inbox;
import io.relance.delivery.PoisonEventException;
import io.relance.dunning.application.ApplyFacts;
import io.relance.dunning.application.RecordDeliveryOutcome;
import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.DunningRuleViolation;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.Segment;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Consumes every fact that changes a dunning case, each applied once through the inbox: invoice and payment facts
 * a poll at a time (one transaction and a fixed number of statements per poll), delivery outcomes and customer
 * profiles one at a time.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String INVOICE_EVENTS = "invoice-events";
    public static final String PAYMENT_EVENTS = "payment-events";
    public static final String NOTIFICATION_EVENTS = "notification-events";
    public static final String CUSTOMER_PROFILES = "customer-profiles";

    private final Inbox inbox;
    private final ApplyFacts facts;
    private final RecordDeliveryOutcome outcomes;

    FactConsumer(Inbox inbox, ApplyFacts facts, RecordDeliveryOutcome outcomes) {
        this.inbox = inbox;
        this.facts = facts;
        this.outcomes = outcomes;
    }

    @Incoming(INVOICE_EVENTS)
    public Uni<Void> invoiceEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleBatch(batch, this::applyAll);
    }

    @Incoming(PAYMENT_EVENTS)
    public Uni<Void> paymentEvents(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.handleBatch(batch, this::applyAll);
    }

    @Incoming(NOTIFICATION_EVENTS)
    public Uni<Void> notificationEvents(Message<byte[]> message) {
        return inbox.handle(message, this::apply);
    }

    @Incoming(CUSTOMER_PROFILES)
    public Uni<Void> customerProfiles(Message<byte[]> message) {
        if (message.getPayload() == null) {
            // A GDPR tombstone: dunning keeps no contact data, so there is nothing to erase.
            return Uni.createFrom().completionStage(message.ack());
        }
        return inbox.handle(message, this::apply);
    }

    /**
     * A rule an event breaks fails the whole batch; the inbox then applies its events one at a time, and the one
     * that breaks it is dead-lettered with the reason.
     */
    private Uni<Void> applyAll(Mutiny.Session session, List<RelanceEvent> events) {
        List<ApplyFacts.Fact> all = new ArrayList<>();
        try {
            events.forEach(event -> all.addAll(factsOf(event)));
        } catch (DunningRuleViolation | IllegalArgumentException e) {
            throw poison(events, e);
        }
        return facts.applyAll(session, all)
                .onFailure(e -> e instanceof DunningRuleViolation || e instanceof IllegalArgumentException)
                .transform(e -> poison(events, e));
    }

    private static PoisonEventException poison(List<RelanceEvent> events, Throwable e) {
        String which = events.size() == 1 ? events.get(0).getClass().getSimpleName() + " " + events.get(0).eventId()
                : "a batch of " + events.size() + " events";
        return new PoisonEventException(which + ": " + e.getMessage(), e);
    }

    private Uni<Void> apply(Mutiny.Session session, RelanceEvent event) {
        try {
            return dispatch(session, event);
        } catch (DunningRuleViolation | IllegalArgumentException e) {
            throw poison(List.of(event), e);
        }
    }

    /** What an invoice or payment event does to cases; events on other topics (ours included) do nothing here. */
    private static List<ApplyFacts.Fact> factsOf(RelanceEvent event) {
        return switch (EventType.of(event.getClass())) {
            case INVOICE_ISSUED_V1 -> {
                InvoiceIssued e = (InvoiceIssued) event;
                yield List.of(ApplyFacts.Fact.invoiceIssued(e.customerId(), e.invoiceId(), new DunningCase.InvoiceDetails(
                        e.invoiceNumber(), e.issueDate(), e.dueDate(), money(e.amount(), e.currency()))));
            }
            case INVOICE_CANCELLED_V1 -> {
                InvoiceCancelled e = (InvoiceCancelled) event;
                yield List.of(ApplyFacts.Fact.cancelled(e.customerId(), e.invoiceId(), currency(e.currency()),
                        e.cancelledOn()));
            }
            case INVOICE_WRITTEN_OFF_V1 -> {
                InvoiceWrittenOff e = (InvoiceWrittenOff) event;
                yield List.of(ApplyFacts.Fact.writtenOff(e.customerId(), e.invoiceId(), currency(e.currency()),
                        e.writtenOffOn()));
            }
            case CREDIT_NOTE_ISSUED_V1 -> {
                CreditNoteIssued e = (CreditNoteIssued) event;
                // A credit note on no invoice credits the account, not a case: dunning has nothing to change.
                yield e.invoiceId() == null ? List.of()
                        : List.of(ApplyFacts.Fact.credited(e.customerId(), e.invoiceId(), money(e.amount(), e.currency()),
                        e.issueDate()));
            }
            case DISPUTE_OPENED_V1 -> {
                DisputeOpened e = (DisputeOpened) event;
                yield List.of(ApplyFacts.Fact.disputeOpened(e.customerId(), e.invoiceId(), currency(e.currency()),
                        e.disputeId(), e.openedOn()));
            }
            case DISPUTE_RESOLVED_V1 -> {
                DisputeResolved e = (DisputeResolved) event;
                yield List.of(ApplyFacts.Fact.disputeResolved(e.customerId(), e.invoiceId(), e.disputeId(),
                        e.outcome() == DisputeOutcome.ACCEPTED_CREDITED));
            }
            case PAYMENT_RECEIVED_V1 -> {
                PaymentReceived e = (PaymentReceived) event;
                yield e.allocations().stream().map(a -> ApplyFacts.Fact.paymentReceived(e.customerId(), a.invoiceId(),
                        money(a.amount(), e.currency()), e.valueDate())).toList();
            }
            case PAYMENT_REVERSED_V1 -> {
                PaymentReversed e = (PaymentReversed) event;
                yield e.allocations().stream().map(a -> ApplyFacts.Fact.paymentReversed(e.customerId(), a.invoiceId(),
                        money(a.amount(), e.currency()))).toList();
            }
            case CUSTOMER_UPDATED_V1, REMINDER_SENT_V1, REMINDER_FAILED_V1, REMINDER_REQUESTED_V1,
                 DUNNING_ESCALATED_V1, DUNNING_CASE_CLOSED_V1 -> List.of();
        };
    }

    // Delivery outcomes and profiles; events on other topics (ours included) never reach these channels.
    private Uni<Void> dispatch(Mutiny.Session session, RelanceEvent event) {
        return switch (EventType.of(event.getClass())) {
            case CUSTOMER_UPDATED_V1 -> {
                CustomerUpdated e = (CustomerUpdated) event;
                yield facts.customerUpdated(session, e.customerId(), Segment.valueOf(e.segment().name()),
                        e.insolvency() == null ? null : e.insolvency().openedOn());
            }
            case REMINDER_SENT_V1 -> {
                ReminderSent e = (ReminderSent) event;
                yield outcomes.sent(session, e.reminderId(), Channel.valueOf(e.channel().name()), e.trackingNumber());
            }
            case REMINDER_FAILED_V1 -> {
                ReminderFailed e = (ReminderFailed) event;
                yield outcomes.failed(session, e.reminderId(), Channel.valueOf(e.channel().name()), e.reason(),
                        e.permanent());
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, currency(currency));
    }

    private static Currency currency(String code) {
        return Currency.getInstance(code);
    }
}
