package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.relance.dunning.domain.DunningEngine;
import io.relance.dunning.domain.DunningRun;
import io.relance.dunning.domain.Escalation;
import io.relance.dunning.domain.Reminder;
import io.relance.dunning.domain.StepTaken;
import io.relance.dunning.messaging.DunningEvents;
import io.relance.dunning.persistence.DunningStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;

/**
 * Takes every step that has fallen due: claims due customers in batches with {@code FOR UPDATE SKIP LOCKED}, so
 * that instances sweeping side by side never evaluate the same customer at once, and in the same transaction
 * records the steps, appends the events to the outbox and moves each customer to its next action day.
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
    private final Scheduling scheduling;
    private final DunningEngine engine;
    private final DunningEvents events;
    private final BusinessClock clock;
    private final DunningConfig config;

    SweepDueActions(DunningStore store, Scheduling scheduling, DunningEngine engine, DunningEvents events,
                    BusinessClock clock, DunningConfig config) {
        this.store = store;
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
                store.claimDue(session, today, config.sweepBatchSize()).chain(customers ->
                        scheduling.policies(session).chain(policies -> {
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
                            .replaceWith(new Outcome(0, run.reminders().size(), run.escalations().size()));
                }));
    }

    private Uni<Void> publish(Mutiny.Session session, List<Reminder> reminders, List<Escalation> escalations) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Reminder reminder : reminders) {
            chain = chain.chain(() -> store.record(session, reminder, clock.now()))
                    .chain(() -> events.reminderRequested(session, reminder, clock.now()));
        }
        for (Escalation escalation : escalations) {
            chain = chain.chain(() -> events.escalated(session, escalation, clock.now()));
        }
        return chain;
    }
}
