package io.relance.dunning.persistence;

import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.ManualHold;
import io.relance.dunning.domain.Segment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "debtor")
public class DebtorEntity {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String segment;
    @Column(name = "policy_override")
    public String policyOverride;
    @Column(name = "pause_reason")
    public String pauseReason;
    @Column(name = "pause_starts_on")
    public LocalDate pauseStartsOn;
    @Column(name = "pause_ends_on")
    public LocalDate pauseEndsOn;
    @Column(name = "insolvency_published_on")
    public LocalDate insolvencyPublishedOn;
    @Column(name = "contract_rate")
    public BigDecimal contractRate;
    public String assignee;

    Debtor toDomain() {
        ManualHold pause = pauseReason == null ? null : new ManualHold(pauseReason, pauseStartsOn, pauseEndsOn);
        return new Debtor(customerId, Segment.valueOf(segment), policyOverride, pause, insolvencyPublishedOn,
                contractRate, assignee);
    }

    void update(Debtor debtor) {
        segment = debtor.segment().name();
        policyOverride = debtor.policyOverride().orElse(null);
        pauseReason = debtor.pause().map(ManualHold::reason).orElse(null);
        pauseStartsOn = debtor.pause().map(ManualHold::startsOn).orElse(null);
        pauseEndsOn = debtor.pause().map(ManualHold::endsOn).orElse(null);
        insolvencyPublishedOn = debtor.insolvencyPublishedOn().orElse(null);
        contractRate = debtor.contractRate().orElse(null);
        assignee = debtor.assignee().orElse(null);
    }
}
