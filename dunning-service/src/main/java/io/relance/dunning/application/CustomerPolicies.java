package io.relance.dunning.application;

import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.FrenchB2bPolicy;
import io.relance.dunning.domain.Policy;
import io.relance.dunning.domain.PolicyAssignments;

import java.util.Map;

/** The policies in force and their assignment, read once per transaction. */
record CustomerPolicies(Map<String, Policy> current, PolicyAssignments assignments) {

    /** The customer's policy; an assignment naming a policy that no longer exists falls back to the default. */
    Policy policyFor(Debtor debtor) {
        Policy assigned = current.get(assignments.policyFor(debtor));
        return assigned != null ? assigned : current.getOrDefault(FrenchB2bPolicy.ID, FrenchB2bPolicy.create());
    }
}
