package io.relance.dunning.application;

import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.DunningEngine;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.PolicyStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Keeps each customer's next action day in step with its cases, in the transaction that changed them. */
@ApplicationScoped
class Scheduling {

    private final DunningStore store;
    private final PolicyStore policies;
    private final DunningEngine engine;

    Scheduling(DunningStore store, PolicyStore policies, DunningEngine engine) {
        this.store = store;
        this.policies = policies;
        this.engine = engine;
    }

    Uni<CustomerPolicies> policies(Mutiny.Session session) {
        return policies.current(session).chain(current -> policies.assignments(session)
                .map(assignments -> new CustomerPolicies(current, assignments)));
    }

    /** Reschedules after a new fact: a step the customer already reached is due today. */
    Uni<Void> afterFact(Mutiny.Session session, Debtor debtor, LocalDate today) {
        return store.openCases(session, debtor.customerId())
                .chain(cases -> afterFacts(session, Map.of(debtor.customerId(), debtor),
                        Map.of(debtor.customerId(), cases), today));
    }

    /**
     * Reschedules the customers of a batch of facts with one statement, in customer order (like the debtor locks,
     * so the upsert's row locks never cross another transaction's): a step a customer already reached is due today.
     */
    Uni<Void> afterFacts(Mutiny.Session session, Map<String, Debtor> debtors, Map<String, List<DunningCase>> openCases,
                         LocalDate today) {
        return policies(session).chain(p -> {
            Map<String, Optional<LocalDate>> next = new TreeMap<>();
            debtors.forEach((customer, debtor) -> next.put(customer,
                    nextActionOn(debtor, p, openCases.getOrDefault(customer, List.of()), today.minusDays(1))));
            return store.scheduleAll(session, next);
        });
    }

    /** The customer's next action day after {@code after}; none when nothing more can happen to it. */
    Optional<LocalDate> nextActionOn(Debtor debtor, CustomerPolicies p, List<DunningCase> cases, LocalDate after) {
        return engine.nextActionOn(debtor, p.policyFor(debtor), cases, after);
    }
}
