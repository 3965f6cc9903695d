package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.relance.dunning.domain.DunningEngine;
import io.relance.dunning.domain.DunningRun;
import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.Escalation;
import io.relance.dunning.domain.EscalationReason;
import io.relance.dunning.domain.Reminder;
import io.relance.dunning.domain.ReminderLine;
import io.relance.dunning.domain.StepTaken;
import io.relance.dunning.domain.WorkItemKind;
import io.relance.dunning.messaging.DunningEvents;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.HistoryEntry;
import io.relance.dunning.persistence.WorklistStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Takes every step that has fallen due: claims due customers in batches with {@code FOR UPDATE SKIP LOCKED}, so
 * that instances sweeping side by side never evaluate the same customer at once, and in the same transaction
 * records the steps, appends the events to the outbox, opens the collectors' worklist items, writes the case
 * history and moves each customer to its next action day.
 */
@ApplicationScoped
public class SweepDueActions {

    /** What one sweep did. */
    public record Outcome(int customers, int reminders, int escalations) {

        Outcome plus(Outcome other) {
            return new Outcome(customers + other.customers, reminders + other.reminders,
                    escalations + other.escalations);
        }
    }

    private final DunningStore store;
    private final WorklistStore worklist;
    private final HandOverEvidence evidence;
    private final Scheduling scheduling;
    private final DunningEngine engine;
    private final DunningEvents events;
    private final BusinessClock clock;
    private final DunningConfig config;

    SweepDueActions(DunningStore store, WorklistStore worklist, HandOverEvidence evidence, Scheduling scheduling,
                    DunningEngine engine, DunningEvents events, BusinessClock clock, DunningConfig config) {
        this.store = store;
        this.worklist = worklist;
        this.evidence = evidence;
        this.scheduling = scheduling;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** Sweeps batch after batch until no customer is due by {@code today}. */
    public Uni<Outcome> sweep(LocalDate today) {
        return sweepBatch(today).chain(outcome -> outcome.customers() < config.sweepBatchSize()
                ? Uni.createFrom().item(outcome)
                : sweep(today).map(outcome::plus));
    }

    Uni<Outcome> sweepBatch(LocalDate today) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                store.claimDue(session, today, config.sweepBatchSize()).chain(customers -> customers.isEmpty()
                        // A day with nothing due reads the due index and nothing else, not even the policies.
                        ? Uni.createFrom().item(new Outcome(0, 0, 0))
                        : scheduling.policies(session).chain(policies -> {
                            Uni<Outcome> chain = Uni.createFrom().item(new Outcome(customers.size(), 0, 0));
                            for (String customerId : customers) {
                                chain = chain.chain(sum -> sweepCustomer(session, policies, customerId, today)
                                        .map(sum::plus));
                            }
                            return chain;
                        }))));
    }

    private Uni<Outcome> sweepCustomer(Mutiny.Session session, CustomerPolicies policies, String customerId,
                                       LocalDate today) {
        return store.lockDebtor(session, customerId).chain(debtor -> store.openCases(session, customerId)
                .chain(cases -> {
                    DunningRun run = engine.evaluate(debtor, policies.policyFor(debtor), cases, today);
                    run.commit();
                    return store.saveAll(session, run.steps().stream().map(StepTaken::dunningCase).distinct().toList())
                            .chain(() -> store.saveAll(session, run.endedPromises()))
                            .chain(() -> publish(session, run.reminders(), run.escalations()))
                            .chain(() -> scheduling.reschedule(session, debtor, policies, cases, today))
                            // Written and forgotten per customer: else each query dirty-checks the whole batch.
                            .chain(session::flush)
                            .invoke(session::clear)
                            .replaceWith(new Outcome(0, run.reminders().size(), run.escalations().size()));
                }));
    }

    private Uni<Void> publish(Mutiny.Session session, List<Reminder> reminders, List<Escalation> escalations) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Reminder reminder : reminders) {
            chain = chain.chain(() -> store.record(session, reminder, clock.now()))
                    .chain(() -> events.reminderRequested(session, reminder, clock.now()))
                    .chain(() -> worklist.record(session, requested(reminder)))
                    .chain(() -> reminder.channels().contains(Channel.PHONE_TASK)
                            ? worklist.open(session, reminder.reminderId(), WorkItemKind.PHONE_TASK,
                            reminder.customerId(), null, reminder.reminderId(), reminder.businessDate())
                            : Uni.createFrom().voidItem());
        }
        for (Escalation escalation : escalations) {
            chain = chain.chain(() -> escalation.handOver()
                            ? evidence.of(session, escalation).chain(file -> events.escalated(session, escalation,
                            file, clock.now()))
                            : events.escalated(session, escalation, null, clock.now()))
                    .chain(() -> worklist.record(session, escalated(escalation)))
                    .chain(() -> followUp(session, escalation));
        }
        return chain;
    }

    /** A hand-over and a broken promise need a person: each opens a worklist item for its case. */
    private Uni<Void> followUp(Mutiny.Session session, Escalation escalation) {
        WorkItemKind kind = escalation.handOver() ? WorkItemKind.HAND_OVER
                : escalation.reason() == EscalationReason.BROKEN_PROMISE ? WorkItemKind.BROKEN_PROMISE : null;
        if (kind == null) {
            return Uni.createFrom().voidItem();
        }
        UUID itemId = UUID.nameUUIDFromBytes((kind + "|" + escalation.caseId() + "|" + escalation.toStepIndex())
                .getBytes(StandardCharsets.UTF_8));
        return worklist.open(session, itemId, kind, escalation.customerId(), escalation.caseId(), null,
                escalation.businessDate());
    }

    private HistoryEntry requested(Reminder reminder) {
        return new HistoryEntry(UUID.randomUUID(), reminder.customerId(),
                reminder.lines().stream().map(ReminderLine::invoiceId).toList(), clock.now(),
                reminder.businessDate(), HistoryEntry.Kind.REMINDER_REQUESTED,
                String.join(",", reminder.channels().stream().map(Enum::name).toList()), reminder.reminderId(),
                "step " + reminder.stepIndex() + " (" + reminder.step().name() + "): "
                        + reminder.totalOpen().amount().toPlainString() + " " + reminder.currency());
    }

    private HistoryEntry escalated(Escalation escalation) {
        return new HistoryEntry(UUID.randomUUID(), escalation.customerId(), List.of(escalation.invoiceId()),
                clock.now(), escalation.businessDate(), HistoryEntry.Kind.ESCALATED, null, null,
                escalation.reason() + " to step " + escalation.toStepIndex()
                        + (escalation.handOver() ? " (hand-over)" : ""));
    }
}
