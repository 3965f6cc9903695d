package io.relance.notification.messaging;

import io.relance.contracts.dunning.RemindedInvoice;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.delivery.Inbox;
import io.relance.notification.application.DeliveryScheduler;
import io.relance.notification.application.RecordReminder;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.ReminderLine;
import io.relance.notification.domain.Tone;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads dunning-events: each ReminderRequested becomes pending deliveries; the other dunning events concern
 * other services. Nothing here can fail on bad business content (unknown customer, template or contact): that is
 * found when sending and published as ReminderFailed, so the partition never stops.
 */
@ApplicationScoped
public class ReminderRequests {

    public static final String CHANNEL = "reminder-requests";

    private final Inbox inbox;
    private final RecordReminder recordReminder;
    private final DeliveryScheduler scheduler;

    ReminderRequests(Inbox inbox, RecordReminder recordReminder, DeliveryScheduler scheduler) {
        this.inbox = inbox;
        this.recordReminder = recordReminder;
        this.scheduler = scheduler;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, (session, event) -> event instanceof ReminderRequested requested
                        ? recordReminder.record(toDomain(requested)).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .invoke(scheduler::dispatchSoon);
    }

    static Reminder toDomain(ReminderRequested event) {
        return new Reminder(event.reminderId(), event.customerId(),
                event.channels().stream().map(c -> Channel.valueOf(c.name())).toList(), event.templateKey(),
                Tone.valueOf(event.tone().name()), event.businessDate(), event.currency(),
                event.invoices().stream().map(ReminderRequests::line).toList(), event.totalOpen(),
                event.totalLateInterest(), event.totalRecoveryIndemnity(), event.responseDeadline());
    }

    private static ReminderLine line(RemindedInvoice invoice) {
        return new ReminderLine(invoice.invoiceId(), invoice.invoiceNumber(), invoice.issueDate(), invoice.dueDate(),
                invoice.amountOpen(), invoice.lateInterest(), invoice.recoveryIndemnity());
    }
}
