package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.HistoryEntry;
import io.relance.dunning.persistence.WorklistStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** What happened to a customer's cases, and the insolvency claims still to be declared. */
@ApplicationScoped
public class CaseHistory {

    private final WorklistStore worklist;
    private final DunningStore store;
    private final BusinessClock clock;

    CaseHistory(WorklistStore worklist, DunningStore store, BusinessClock clock) {
        this.worklist = worklist;
        this.store = store;
        this.clock = clock;
    }

    public Uni<List<HistoryEntry>> of(String customerId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> worklist.history(session, customerId)));
    }

    /** Cases closed by insolvency proceedings whose claim can still be declared, the nearest deadline first. */
    public Uni<List<DunningCase>> claimsToDeclare(int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(session ->
                store.claimsToDeclare(session, clock.today(), limit)));
    }
}
