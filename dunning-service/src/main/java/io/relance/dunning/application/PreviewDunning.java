package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.domain.DunningEngine;
import io.relance.dunning.domain.DunningRun;
import io.relance.dunning.persistence.DunningStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sweep would do on a day, decided by the same engine from the same state, never committed or published.
 * For a future day it assumes nothing is sent in between.
 */
@ApplicationScoped
public class PreviewDunning {

    private final DunningStore store;
    private final Scheduling scheduling;
    private final DunningEngine engine;

    PreviewDunning(DunningStore store, Scheduling scheduling, DunningEngine engine) {
        this.store = store;
        this.scheduling = scheduling;
        this.engine = engine;
    }

    /** The runs of up to {@code limit} customers due by {@code day}, by customer id; empty runs left out. */
    public Uni<List<DunningRun>> on(LocalDate day, int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session ->
                store.dueBy(session, day, limit).chain(customers -> scheduling.policies(session).chain(policies -> {
                    List<DunningRun> runs = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String customerId : customers) {
                        chain = chain.chain(() -> preview(session, policies, customerId, day).invoke(run -> {
                            if (!run.isEmpty()) {
                                runs.add(run);
                            }
                        }).replaceWithVoid());
                    }
                    return chain.replaceWith(runs);
                }))));
    }

    private Uni<DunningRun> preview(Mutiny.Session session, CustomerPolicies policies, String customerId,
                                    LocalDate day) {
        return store.debtor(session, customerId).chain(debtor -> debtor.isEmpty()
                ? Uni.createFrom().item(new DunningRun(day, List.of(), List.of(), List.of(), List.of()))
                : store.openCases(session, customerId)
                        .map(cases -> engine.evaluate(debtor.get(), policies.policyFor(debtor.get()), cases, day)));
    }
}
