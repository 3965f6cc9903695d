package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads a contract event from a record; a record that cannot be read raises {@link UnreadableEvent} with the reason. */
final class EventReader {

    /** Why a record cannot be counted; it goes to the dead-letter topic with this reason. */
    static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String reason) {
            super(reason);
        }
    }

    private final ObjectMapper mapper;

    EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
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
        return event;
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
