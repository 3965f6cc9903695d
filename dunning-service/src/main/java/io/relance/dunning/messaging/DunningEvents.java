package io.relance.dunning.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ClosureReason;
import io.relance.contracts.dunning.DeliveryOutcome;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.dunning.EscalationReason;
import io.relance.contracts.dunning.FormalNotice;
import io.relance.contracts.dunning.HandOverEvidence;
import io.relance.contracts.dunning.RemindedInvoice;
import io.relance.contracts.dunning.ReminderEvidence;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;
import io.relance.delivery.Outbox;
import io.relance.dunning.domain.CaseClosed;
import io.relance.dunning.domain.Escalation;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.Reminder;
import io.relance.dunning.domain.ReminderLine;
import io.relance.dunning.persistence.StoredReminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Translates dunning decisions into the event contracts and appends them to the outbox. */
@Startup
@ApplicationScoped
public class DunningEvents {

    private final Outbox outbox;
    private final Map<Channel, Counter> requested = new EnumMap<>(Channel.class);

    DunningEvents(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        // Every channel has a series from the start, at 0, so a rate over it exists before its first reminder.
        for (Channel channel : Channel.values()) {
            requested.put(channel, Counter.builder("relance.reminders.requested")
                    .description("Reminders requested from notification-service (appended to the outbox), per channel")
                    .tag("channel", channel.name()).register(registry));
        }
    }

    /** Appends the ReminderRequested event; a reminder on two channels counts once for each. */
    public Uni<Void> reminderRequested(Mutiny.Session session, Reminder reminder, Instant occurredAt) {
        ReminderRequested event = toEvent(reminder, occurredAt);
        return outbox.append(session, event)
                .invoke(() -> event.channels().forEach(channel -> requested.get(channel).increment()));
    }

    /** Publishes an escalation; a hand-over carries its evidence file, built from {@code reminders}. */
    public Uni<Void> escalated(Mutiny.Session session, Escalation escalation, List<StoredReminder> reminders,
                               Instant occurredAt) {
        return outbox.append(session, new DunningEscalated(
                derivedId("escalated", escalation.caseId() + "|" + escalation.toStepIndex() + "|" + escalation.reason()),
                occurredAt, escalation.customerId(), escalation.caseId(), List.of(escalation.invoiceId()),
                escalation.fromStepIndex(), escalation.toStepIndex(),
                EscalationReason.valueOf(escalation.reason().name()), escalation.businessDate(),
                escalation.handOver() ? evidence(escalation, reminders == null ? List.of() : reminders) : null));
    }

    static HandOverEvidence evidence(Escalation escalation, List<StoredReminder> reminders) {
        List<ReminderEvidence> sent = new ArrayList<>();
        FormalNotice notice = null;
        for (StoredReminder stored : reminders) {
            Reminder reminder = stored.reminder();
            ReminderLine line = reminder.lines().stream()
                    .filter(l -> l.invoiceId().equals(escalation.invoiceId())).findFirst().orElse(null);
            if (line == null) {
                continue;
            }
            sent.add(new ReminderEvidence(reminder.reminderId(), reminder.stepIndex(), reminder.businessDate(),
                    reminder.channels().stream().map(c -> Channel.valueOf(c.name())).toList(),
                    line.amountOpen().amount(), DeliveryOutcome.valueOf(stored.outcome().name()),
                    stored.outcomeChannel() == null ? null : Channel.valueOf(stored.outcomeChannel()),
                    stored.outcomeDetail(), stored.outcomeAt()));
            if (reminder.step().tone() == io.relance.dunning.domain.Tone.FORMAL) {
                notice = new FormalNotice(reminder.reminderId(), reminder.businessDate(),
                        reminder.responseDeadline(), amount(line.lateInterest()), amount(line.recoveryIndemnity()));
            }
        }
        return new HandOverEvidence(escalation.amountOpen().currency().getCurrencyCode(),
                escalation.amountOpen().amount(), escalation.lateInterest().amount(),
                amount(escalation.recoveryIndemnity()), sent, notice);
    }

    /** Appends the closures with one statement. */
    public Uni<Void> all(Mutiny.Session session, List<CaseClosed> closures, Instant occurredAt) {
        return outbox.appendAll(session, closures.stream().map(closed -> closedEvent(closed, occurredAt)).toList());
    }

    private static DunningCaseClosed closedEvent(CaseClosed closed, Instant occurredAt) {
        return new DunningCaseClosed(UUID.randomUUID(),
                occurredAt, closed.customerId(), closed.caseId(), closed.invoiceId(), closed.closedOn(),
                ClosureReason.valueOf(closed.reason().name()), closed.amountRecovered().amount(),
                closed.amountRecovered().currency().getCurrencyCode());
    }

    static ReminderRequested toEvent(Reminder reminder, Instant occurredAt) {
        List<RemindedInvoice> lines = reminder.lines().stream().map(DunningEvents::line).toList();
        return new ReminderRequested(derivedId("reminder", reminder.reminderId().toString()), occurredAt,
                reminder.customerId(), reminder.reminderId(), reminder.policyId(), reminder.stepIndex(),
                reminder.step().offsetDays(), reminder.channels().stream().map(c -> Channel.valueOf(c.name())).toList(),
                reminder.step().templateKey(), Tone.valueOf(reminder.step().tone().name()), reminder.businessDate(),
                reminder.currency().getCurrencyCode(), lines, reminder.totalOpen().amount(),
                amount(reminder.totalLateInterest()), amount(reminder.totalRecoveryIndemnity()),
                reminder.responseDeadline());
    }

    private static RemindedInvoice line(ReminderLine line) {
        return new RemindedInvoice(line.invoiceId(), line.invoiceNumber(), line.issueDate(), line.dueDate(),
                line.amountOpen().amount(), amount(line.lateInterest()), amount(line.recoveryIndemnity()));
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    // Ids derived from the decision: a step is taken once, so its event id is unique and the same on every replay.
    private static UUID derivedId(String kind, String identity) {
        return UUID.nameUUIDFromBytes((kind + "|" + identity).getBytes(StandardCharsets.UTF_8));
    }
}
