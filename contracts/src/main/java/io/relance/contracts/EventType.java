package io.relance.contracts;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderFailed;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every version of every Relance event: one constant per {@code ce_type}. A breaking change adds a
 * constant ({@code _V2}) next to the old one, which stays until no consumer reads it.
 *
 * <p>The ERP ingress message is not an event (ERPs send no event id); it is an {@link
 * io.relance.contracts.erp.ErpMessageType}.
 */
public enum EventType implements MessageType {

    INVOICE_ISSUED_V1("relance.invoice.issued.v1", InvoiceIssued.class, Topics.INVOICE_EVENTS),
    INVOICE_CANCELLED_V1("relance.invoice.cancelled.v1", InvoiceCancelled.class, Topics.INVOICE_EVENTS),
    CREDIT_NOTE_ISSUED_V1("relance.invoice.credit-note.issued.v1", CreditNoteIssued.class, Topics.INVOICE_EVENTS),
    DISPUTE_OPENED_V1("relance.invoice.dispute.opened.v1", DisputeOpened.class, Topics.INVOICE_EVENTS),
    DISPUTE_RESOLVED_V1("relance.invoice.dispute.resolved.v1", DisputeResolved.class, Topics.INVOICE_EVENTS),
    INVOICE_WRITTEN_OFF_V1("relance.invoice.written-off.v1", InvoiceWrittenOff.class, Topics.INVOICE_EVENTS),
    CUSTOMER_UPDATED_V1("relance.customer.updated.v1", CustomerUpdated.class, Topics.CUSTOMER_PROFILES),
    PAYMENT_RECEIVED_V1("relance.payment.received.v1", PaymentReceived.class, Topics.PAYMENT_EVENTS),
    PAYMENT_REVERSED_V1("relance.payment.reversed.v1", PaymentReversed.class, Topics.PAYMENT_EVENTS),
    REMINDER_REQUESTED_V1("relance.dunning.reminder.requested.v1", ReminderRequested.class, Topics.DUNNING_EVENTS),
    DUNNING_ESCALATED_V1("relance.dunning.case.escalated.v1", DunningEscalated.class, Topics.DUNNING_EVENTS),
    DUNNING_CASE_CLOSED_V1("relance.dunning.case.closed.v1", DunningCaseClosed.class, Topics.DUNNING_EVENTS),
    REMINDER_SENT_V1("relance.notification.reminder.sent.v1", ReminderSent.class, Topics.NOTIFICATION_EVENTS),
    REMINDER_FAILED_V1("relance.notification.reminder.failed.v1", ReminderFailed.class, Topics.NOTIFICATION_EVENTS);

    private static final Map<String, EventType> BY_CE_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private final String ceType;
    private final Class<? extends RelanceEvent> payloadType;
    private final String topic;

    EventType(String ceType, Class<? extends RelanceEvent> payloadType, String topic) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The type a {@code ce_type} header names, or empty when this version of contracts does not know it. */
    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType).map(BY_CE_TYPE::get);
    }

    /**
     * The type whose payload is {@code payloadType}, to set {@code ce_type} when publishing.
     *
     * @throws IllegalArgumentException if {@code payloadType} is not an event record of this module
     */
    public static EventType of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == payloadType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType + " is not a Relance event payload"));
    }

    @Override
    public String ceType() {
        return ceType;
    }

    @Override
    public Class<? extends RelanceEvent> payloadType() {
        return payloadType;
    }

    @Override
    public String topic() {
        return topic;
    }
}
