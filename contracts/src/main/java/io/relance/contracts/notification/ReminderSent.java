package io.relance.contracts.notification;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.dunning.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A reminder was handed over on one channel (e-mail accepted by the relay, SMS by the gateway,
 * letter by the postal service, task created), at the price of {@code cost}.
 *
 * @param deliveryId the delivery on this channel; a reminder on two channels has two deliveries
 * @param cost what this delivery cost, zero when free, for the cost-of-collection KPIs
 * @param trackingNumber the postal tracking number of a registered letter; null on other channels
 */
public record ReminderSent(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID reminderId,
        UUID deliveryId,
        Channel channel,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
        String costCurrency,
        String trackingNumber) implements RelanceEvent {

    public ReminderSent {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(reminderId, "reminderId");
        requireNonNull(deliveryId, "deliveryId");
        requireNonNull(channel, "channel");
        requireNonNull(cost, "cost");
        requireNonNull(costCurrency, "costCurrency");
    }
}
