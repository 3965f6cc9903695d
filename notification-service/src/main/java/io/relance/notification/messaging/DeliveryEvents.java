package io.relance.notification.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.notification.ReminderFailed;
import io.relance.contracts.notification.ReminderSent;
import io.relance.notification.domain.Delivery;

import java.time.Instant;
import java.util.UUID;

/** Translates delivery outcomes into the event contracts; the only place that knows both. */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    public static RelanceEvent sent(Delivery delivery, Instant occurredAt) {
        return new ReminderSent(UUID.randomUUID(), occurredAt, delivery.customerId(), delivery.reminderId(),
                delivery.id(), Channel.valueOf(delivery.channel().name()), delivery.cost(), delivery.costCurrency(),
                delivery.trackingNumber());
    }

    /** {@code permanent}: no later attempt of this delivery can succeed as it stands. */
    public static RelanceEvent failed(Delivery delivery, boolean permanent, Instant occurredAt) {
        return new ReminderFailed(UUID.randomUUID(), occurredAt, delivery.customerId(), delivery.reminderId(),
                delivery.id(), Channel.valueOf(delivery.channel().name()), delivery.failureReason(), permanent);
    }
}
