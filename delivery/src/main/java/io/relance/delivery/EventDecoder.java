package io.relance.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Turns a Kafka record into a contract event, or says precisely why it cannot. */
@ApplicationScoped
public class EventDecoder {

    private final ObjectMapper mapper;

    EventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public RelanceEvent decode(String topic, String key, Headers headers, byte[] payload) {
        String ceType = header(headers, CloudEventHeaders.TYPE);
        if (ceType == null) {
            throw new PoisonEventException("missing header " + CloudEventHeaders.TYPE);
        }
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new PoisonEventException("unknown " + CloudEventHeaders.TYPE + " '" + ceType + "'"));
        if (!type.topic().equals(topic)) {
            throw new PoisonEventException(ceType + " does not belong on topic " + topic + " but on " + type.topic());
        }
        if (payload == null || payload.length == 0) {
            throw new PoisonEventException("empty payload for " + ceType);
        }
        RelanceEvent event = read(type, payload);
        requirePresent(event.eventId(), "eventId", ceType);
        requirePresent(event.occurredAt(), "occurredAt", ceType);
        requirePresent(event.customerId(), "customerId", ceType);
        String ceId = header(headers, CloudEventHeaders.ID);
        if (ceId != null && !ceId.equals(event.eventId().toString())) {
            throw new PoisonEventException(CloudEventHeaders.ID + " " + ceId + " differs from eventId " + event.eventId());
        }
        if (key != null && !key.equals(event.customerId())) {
            throw new PoisonEventException("record key '" + key + "' differs from customerId '" + event.customerId() + "'");
        }
        return event;
    }

    private RelanceEvent read(EventType type, byte[] payload) {
        try {
            return mapper.readValue(payload, type.payloadType());
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new PoisonEventException("payload is not a valid " + type.ceType()
                    + (path.isEmpty() ? "" : ", field '" + path + "'") + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PoisonEventException("payload cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requirePresent(Object value, String field, String ceType) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new PoisonEventException("field '" + field + "' is required in " + ceType);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
