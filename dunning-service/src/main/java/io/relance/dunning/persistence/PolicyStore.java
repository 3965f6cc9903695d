package io.relance.dunning.persistence;

import io.relance.dunning.domain.FrenchB2bPolicy;
import io.relance.dunning.domain.Policy;
import io.relance.dunning.domain.PolicyAssignments;
import io.relance.dunning.domain.Segment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Policies by version and their assignment to segments. */
@ApplicationScoped
public class PolicyStore {

    private static final String CURRENT = """
            from PolicyEntity p where p.version = (select max(q.version) from PolicyEntity q where q.policyId = p.policyId)
            order by p.policyId""";

    /** The latest version of every policy, by id. */
    public Uni<Map<String, Policy>> current(Mutiny.Session session) {
        return session.createSelectionQuery(CURRENT, PolicyEntity.class).getResultList()
                .map(list -> list.stream().map(PolicyEntity::toDomain)
                        .collect(Collectors.toMap(Policy::id, Function.identity())));
    }

    public Uni<List<Policy>> versions(Mutiny.Session session, String policyId) {
        return session.createSelectionQuery("from PolicyEntity where policyId = ?1 order by version",
                        PolicyEntity.class)
                .setParameter(1, policyId).getResultList()
                .map(list -> list.stream().map(PolicyEntity::toDomain).toList());
    }

    public Uni<Optional<Policy>> latest(Mutiny.Session session, String policyId) {
        return versions(session, policyId).map(list -> list.isEmpty() ? Optional.empty()
                : Optional.of(list.get(list.size() - 1)));
    }

    public Uni<Void> add(Mutiny.Session session, Policy policy, Instant at) {
        return session.persist(PolicyEntity.of(policy, at));
    }

    public Uni<PolicyAssignments> assignments(Mutiny.Session session) {
        return session.createSelectionQuery("from PolicyAssignmentEntity", PolicyAssignmentEntity.class)
                .getResultList()
                .map(list -> {
                    Map<Segment, String> bySegment = new EnumMap<>(Segment.class);
                    list.forEach(a -> bySegment.put(Segment.valueOf(a.segment), a.policyId));
                    return new PolicyAssignments(bySegment, FrenchB2bPolicy.ID);
                });
    }

    public Uni<Void> assign(Mutiny.Session session, Segment segment, String policyId) {
        return session.find(PolicyAssignmentEntity.class, segment.name()).chain(found -> {
            if (found != null) {
                found.policyId = policyId;
                return Uni.createFrom().voidItem();
            }
            PolicyAssignmentEntity entity = new PolicyAssignmentEntity();
            entity.segment = segment.name();
            entity.policyId = policyId;
            return session.persist(entity);
        });
    }
}
