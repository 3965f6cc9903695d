package io.relance.kpi.messaging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.relance.kpi.domain.CustomerLedger;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.IOException;

/** A ledger in its store and changelog: JSON, dates as ISO strings, amounts exact as plain decimals. */
final class LedgerSerde implements Serde<CustomerLedger> {

    private final ObjectMapper mapper;

    LedgerSerde(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public Serializer<CustomerLedger> serializer() {
        return (topic, ledger) -> {
            try {
                return ledger == null ? null : mapper.writeValueAsBytes(ledger);
            } catch (IOException e) {
                throw new SerializationException("cannot write the ledger of " + ledger.customerId(), e);
            }
        };
    }

    @Override
    public Deserializer<CustomerLedger> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : mapper.readValue(bytes, CustomerLedger.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read a ledger from " + topic, e);
            }
        };
    }
}
