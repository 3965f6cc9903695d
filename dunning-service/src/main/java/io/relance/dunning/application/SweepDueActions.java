package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.DunningCase;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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

    /**
     * Sweeps batch after batch until no customer is due by {@code today}, or until a batch found every customer it
     * claimed busy with a fact (they stay due, for the next sweep).
     */
    public Uni<Outcome> sweep(LocalDate today) {
        return sweepBatch(today).chain(batch -> batch.claimed() < config.sweepBatchSize() || batch.outcome().customers() == 0
                ? Uni.createFrom().item(batch.outcome())
                : sweep(today).map(batch.outcome()::plus));
    }

    /** A batch's outcome, and how many customers it claimed (those whose debtor a fact held were not swept). */
    record Batch(int claimed, Outcome outcome) {
    }

    /**
     * One transaction for a batch of due customers: the reads (debtors, cases) and the schedule writes take a fixed
     * number of statements per batch, the rest one statement per row written (case, reminder, history, outbox).
     */
    Uni<Batch> sweepBatch(LocalDate today) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                store.claimDue(session, today, config.sweepBatchSize()).chain(claimed -> claimed.isEmpty()
                        // A day with nothing due reads the due index and nothing else, not even the policies.
                        ? Uni.createFrom().item(new Batch(0, new Outcome(0, 0, 0)))
                        : scheduling.policies(session).chain(policies -> store.lockFreeDebtors(session, claimed)
                        .chain(debtors -> {
                            List<String> customers = debtors.stream().map(Debtor::customerId).toList();
                            return customers.isEmpty() ? Uni.createFrom().item(new Outcome(0, 0, 0))
                                    : store.openCasesOf(session, customers).chain(cases ->
                                    write(session, customers.size(), decide(policies, debtors, cases, today)));
                        })
                        .map(outcome -> new Batch(claimed.size(), outcome))))));
    }

    /** What the engine decided for one customer, and its next action day after today. */
    private record Decision(String customerId, DunningRun run, Optional<LocalDate> next) {
    }

    private List<Decision> decide(CustomerPolicies policies, List<Debtor> debtors, Map<String, List<DunningCase>> cases,
                                  LocalDate today) {
        List<Decision> decisions = new ArrayList<>(debtors.size());
        for (Debtor debtor : debtors) {
            List<DunningCase> open = cases.getOrDefault(debtor.customerId(), List.of());
            DunningRun run = engine.evaluate(debtor, policies.policyFor(debtor), open, today);
            run.commit();
            decisions.add(new Decision(debtor.customerId(), run, scheduling.nextActionOn(debtor, policies, open, today)));
        }
        return decisions;
    }

    private Uni<Outcome> write(Mutiny.Session session, int claimed, List<Decision> decisions) {
        List<DunningCase> changed = decisions.stream().flatMap(d -> Stream.concat(
                d.run().steps().stream().map(StepTaken::dunningCase), d.run().endedPromises().stream()))
                .distinct().toList();
        List<Reminder> reminders = decisions.stream().flatMap(d -> d.run().reminders().stream()).toList();
        List<Escalation> escalations = decisions.stream().flatMap(d -> d.run().escalations().stream()).toList();
        List<HistoryEntry> history = decisions.stream().flatMap(d -> Stream.concat(
                d.run().reminders().stream().map(this::requested),
                d.run().escalations().stream().map(this::escalated))).toList();
        Map<String, Optional<LocalDate>> next = new LinkedHashMap<>();
        decisions.forEach(d -> next.put(d.customerId(), d.next()));
        return store.saveLoaded(session, changed)
                .chain(() -> store.recordAll(session, reminders, clock.now()))
                .chain(() -> worklist.recordAll(session, history))
                .chain(session::flush)
                // Forgotten before the per-event statements: else each of them dirty-checks the whole batch.
                .invoke(session::clear)
                .chain(() -> publish(session, reminders, escalations))
                .chain(() -> store.scheduleAll(session, next))
                .replaceWith(new Outcome(claimed, reminders.size(), escalations.size()));
    }

    private Uni<Void> publish(Mutiny.Session session, List<Reminder> reminders, List<Escalation> escalations) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Reminder reminder : reminders) {
            chain = chain.chain(() -> events.reminderRequested(session, reminder, clock.now()))
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
