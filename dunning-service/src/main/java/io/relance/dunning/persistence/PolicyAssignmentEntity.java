package io.relance.dunning.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "policy_assignment")
public class PolicyAssignmentEntity {

    @Id
    public String segment;
    @Column(name = "policy_id")
    public String policyId;
}
