package io.relance.contracts.clock;

import io.relance.contracts.MessageType;
import io.relance.contracts.Topics;

import java.util.Arrays;
import java.util.Optional;

/** Every version of the business clock's message, apart from events because a tick is not a business fact. */
public enum ClockMessageType implements MessageType {

    TICK_V1("relance.clock.tick.v1", ClockTick.class, Topics.BUSINESS_CLOCK);

    private final String ceType;
    private final Class<? extends Record> payloadType;
    private final String topic;

    ClockMessageType(String ceType, Class<? extends Record> payloadType, String topic) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The type a {@code ce_type} header names, or empty when this version of contracts does not know it. */
    public static Optional<ClockMessageType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }

    @Override
    public String ceType() {
        return ceType;
    }

    @Override
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    @Override
    public String topic() {
        return topic;
    }
}
