package io.relance.notification.application;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Delivery;
import io.relance.notification.domain.Reminder;
import io.relance.notification.persistence.DeliveryRepository;
import io.relance.notification.persistence.ReminderRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.LinkedHashSet;

/**
 * Records a requested reminder and one pending delivery per channel, in the consumer's transaction; nothing is
 * sent here. A reminder already recorded (same reminderId, even under another event id) records nothing more,
 * which with the unique (reminder, channel) key is what keeps a repeated request from sending a second message.
 */
@ApplicationScoped
public class RecordReminder {

    private final ReminderRepository reminders;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    RecordReminder(ReminderRepository reminders, DeliveryRepository deliveries, Clock clock) {
        this.reminders = reminders;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Runs in the caller's transaction; true when the reminder was new. */
    public Uni<Boolean> record(Reminder reminder) {
        return reminders.exists(reminder.reminderId()).chain(known -> {
            if (known) {
                return Uni.createFrom().item(Boolean.FALSE);
            }
            var now = clock.instant();
            Uni<Void> chain = reminders.add(reminder, now);
            for (Channel channel : new LinkedHashSet<>(reminder.channels())) {
                Delivery delivery = Delivery.requested(reminder.reminderId(), reminder.customerId(), channel, now);
                chain = chain.chain(() -> deliveries.add(delivery, now));
            }
            return chain.replaceWith(Boolean.TRUE);
        });
    }
}
