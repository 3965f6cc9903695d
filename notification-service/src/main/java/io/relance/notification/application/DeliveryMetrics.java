package io.relance.notification.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.relance.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Final delivery outcomes per channel, {@code relance_reminders_sent_total} and {@code relance_reminders_failed_total}
 * (tagged {@code permanent}: true when no retry could mend it, false when the retries ran out); counted as the
 * ReminderSent / ReminderFailed event is appended, so each delivery counts once.
 */
@Startup
@ApplicationScoped
public class DeliveryMetrics {

    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failedPermanently = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failedAfterRetries = new EnumMap<>(Channel.class);

    DeliveryMetrics(MeterRegistry registry) {
        // Every channel has its series from the start, at 0, so the failure-rate alert has a denominator.
        for (Channel channel : Channel.values()) {
            sent.put(channel, Counter.builder("relance.reminders.sent")
                    .description("Reminder deliveries handed over to a provider (or done, for tasks), per channel")
                    .tag("channel", channel.name()).register(registry));
            failedPermanently.put(channel, failed(registry, channel, true));
            failedAfterRetries.put(channel, failed(registry, channel, false));
        }
    }

    private static Counter failed(MeterRegistry registry, Channel channel, boolean permanent) {
        return Counter.builder("relance.reminders.failed")
                .description("Reminder deliveries given up, per channel; permanent=false when the retries ran out")
                .tag("channel", channel.name()).tag("permanent", Boolean.toString(permanent)).register(registry);
    }

    void sent(Channel channel) {
        sent.get(channel).increment();
    }

    void failed(Channel channel, boolean permanent) {
        (permanent ? failedPermanently : failedAfterRetries).get(channel).increment();
    }
}
