package io.relance.dunning.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.relance.dunning.domain.Policy;
import io.relance.dunning.domain.PolicyStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "dunning_policy")
public class PolicyEntity {

    @Id
    @Column(name = "row_id")
    public UUID rowId;
    @Column(name = "policy_id")
    public String policyId;
    public int version;
    public String name;
    public String steps;
    @Column(name = "sends_on_non_business_days")
    public boolean sendsOnNonBusinessDays;
    @Column(name = "created_at")
    public Instant createdAt;

    static PolicyEntity of(Policy policy, Instant createdAt) {
        PolicyEntity entity = new PolicyEntity();
        entity.rowId = UUID.randomUUID();
        entity.policyId = policy.id();
        entity.version = policy.version();
        entity.name = policy.name();
        entity.steps = Json.write(policy.steps());
        entity.sendsOnNonBusinessDays = policy.sendsOnNonBusinessDays();
        entity.createdAt = createdAt;
        return entity;
    }

    Policy toDomain() {
        return new Policy(policyId, version, name, Json.read(steps, new TypeReference<List<PolicyStep>>() { }),
                sendsOnNonBusinessDays);
    }
}
