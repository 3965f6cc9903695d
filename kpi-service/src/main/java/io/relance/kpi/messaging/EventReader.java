package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Reads a contract event from a record; a record that cannot be read raises {@link UnreadableEvent} with the reason. */
final class EventReader {

    /** Why a record cannot be counted; it goes to the dead-letter topic with this reason. */
    static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String reason) {
            super(reason);
        }
    }

    /**
     * The first business date counted: the first the REST API can ask about; an earlier one is taken for a typing
     * error (0226 for 2026) rather than counted forever in receivables.
     */
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    /**
     * The last business date counted: the stores key days as 4-digit {@code yyyy-MM-dd} and record an invoice up to
     * 91 days after its due date (the last aging step), which must stay in year 9999.
     */
    private static final LocalDate LAST_DATE = LocalDate.of(9998, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST_INSTANT = LAST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private final ObjectMapper mapper;

    EventReader(ObjectMapper mapper) {
        this.mapper = mapper.copy().registerModule(IsoDates.module());
    }

    EventType type(Headers headers) {
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw new UnreadableEvent("missing header " + CloudEventHeaders.TYPE);
        }
        return EventType.fromCeType(ceType)
                .orElseThrow(() -> new UnreadableEvent("unknown " + CloudEventHeaders.TYPE + " '" + ceType + "'"));
    }

    RelanceEvent read(EventType type, byte[] payload) {
        RelanceEvent event;
        try {
            event = mapper.readValue(payload, type.payloadType());
        } catch (IOException e) {
            throw new UnreadableEvent("payload is not a valid " + type.ceType() + ": " + e.getMessage());
        }
        if (event.eventId() == null || event.occurredAt() == null || event.customerId() == null) {
            throw new UnreadableEvent("eventId, occurredAt and customerId are required in " + type.ceType());
        }
        checkDates(event);
        return event;
    }

    /** Every business date a ledger reads, then occurredAt (a reminder's business day, the duplicate window's time). */
    private static void checkDates(RelanceEvent event) {
        if (event instanceof InvoiceIssued e) {
            checkDate("issueDate", e.issueDate());
            checkDate("dueDate", e.dueDate());
        } else if (event instanceof InvoiceCancelled e) {
            checkDate("cancelledOn", e.cancelledOn());
        } else if (event instanceof CreditNoteIssued e) {
            checkDate("issueDate", e.issueDate());
        } else if (event instanceof InvoiceWrittenOff e) {
            checkDate("writtenOffOn", e.writtenOffOn());
        } else if (event instanceof DisputeOpened e) {
            checkDate("openedOn", e.openedOn());
        } else if (event instanceof DisputeResolved e) {
            checkDate("resolvedOn", e.resolvedOn());
        } else if (event instanceof PaymentReceived e) {
            checkDate("valueDate", e.valueDate());
        } else if (event instanceof PaymentReversed e) {
            checkDate("reversedOn", e.reversedOn());
        } else if (event instanceof DunningEscalated e) {
            checkDate("businessDate", e.businessDate());
        } else if (event instanceof DunningCaseClosed e) {
            checkDate("closedOn", e.closedOn());
        }
        Instant occurredAt = event.occurredAt();
        if (occurredAt.isBefore(FIRST_INSTANT) || !occurredAt.isBefore(AFTER_LAST_INSTANT)) {
            throw new UnreadableEvent("occurredAt must fall on a UTC day between " + FIRST_DATE + " and " + LAST_DATE
                    + ", was " + occurredAt);
        }
    }

    private static void checkDate(String field, LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new UnreadableEvent(field + " must be between " + FIRST_DATE + " and " + LAST_DATE + ", was " + date);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
