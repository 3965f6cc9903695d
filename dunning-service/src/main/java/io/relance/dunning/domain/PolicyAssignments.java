package io.relance.dunning.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Which policy chases a customer: its own override, else its segment's, else the default. */
public record PolicyAssignments(Map<Segment, String> bySegment, String defaultPolicyId) {

    public PolicyAssignments {
        bySegment = bySegment.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(bySegment));
        Objects.requireNonNull(defaultPolicyId, "defaultPolicyId");
    }

    public String policyFor(Debtor debtor) {
        return debtor.policyOverride().orElseGet(() -> bySegment.getOrDefault(debtor.segment(), defaultPolicyId));
    }
}
