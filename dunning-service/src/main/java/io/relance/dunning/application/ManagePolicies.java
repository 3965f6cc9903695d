package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.DunningRuleViolation;
import io.relance.dunning.domain.Policy;
import io.relance.dunning.domain.PolicyStep;
import io.relance.dunning.domain.Segment;
import io.relance.dunning.persistence.PolicyStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Policies are never edited in place: each change is a new version, and customers follow the latest. */
@ApplicationScoped
public class ManagePolicies {

    private final PolicyStore policies;
    private final BusinessClock clock;

    ManagePolicies(PolicyStore policies, BusinessClock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    public Uni<List<Policy>> current() {
        return Panache.withSession(() -> Panache.getSession().chain(policies::current))
                .map(map -> map.values().stream().sorted(Comparator.comparing(Policy::id)).toList());
    }

    public Uni<List<Policy>> versions(String policyId) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> policies.versions(session, policyId)));
    }

    /** Stores the next version of {@code policyId} (the first when it is new); an invalid policy stores nothing. */
    public Uni<Policy> define(String policyId, String name, List<PolicyStep> steps, boolean sendsOnNonBusinessDays) {
        if (policyId == null || !policyId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new DunningRuleViolation("policyId", "must be 1 to 63 lower-case letters, digits or dashes");
        }
        if (name == null || name.isBlank()) {
            throw new DunningRuleViolation("name", "must be given");
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                policies.latest(session, policyId).chain(latest -> {
                    Policy next = new Policy(policyId, latest.map(p -> p.version() + 1).orElse(1), name, steps,
                            sendsOnNonBusinessDays);
                    return policies.add(session, next, clock.now()).replaceWith(next);
                })));
    }

    public Uni<Map<Segment, String>> assignments() {
        return Panache.withSession(() -> Panache.getSession().chain(policies::assignments))
                .map(a -> a.bySegment());
    }

    public Uni<Void> assign(Segment segment, String policyId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                policies.latest(session, policyId).chain(found -> found.isEmpty()
                        ? Uni.createFrom().failure(new DunningRuleViolation("policyId", "names no policy: " + policyId))
                        : policies.assign(session, segment, policyId))));
    }
}
