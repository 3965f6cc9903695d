package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer as dunning sees it: its segment, its own policy if any, a pause, insolvency proceedings and the
 * collector it is assigned to.
 */
public final class Debtor {

    /** Months after the proceedings are published within which a creditor declares its claim (L622-24, R622-24). */
    public static final int CLAIM_DECLARATION_MONTHS = 2;

    private final String customerId;
    private Segment segment;
    private String policyOverride;
    private ManualHold pause;
    private LocalDate insolvencyPublishedOn;
    private BigDecimal contractRate;
    private String assignee;

    public Debtor(String customerId, Segment segment, String policyOverride, ManualHold pause,
                  LocalDate insolvencyPublishedOn, BigDecimal contractRate, String assignee) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.policyOverride = policyOverride;
        this.pause = pause;
        this.insolvencyPublishedOn = insolvencyPublishedOn;
        this.contractRate = contractRate;
        this.assignee = assignee;
    }

    public static Debtor newCustomer(String customerId) {
        return new Debtor(customerId, Segment.NEW, null, null, null, null, null);
    }

    /** Gives the customer's worklist items to one collector; null leaves them to whoever picks them up. */
    public void assignTo(String collector) {
        if (collector != null && collector.isBlank()) {
            throw new DunningRuleViolation("assignee", "must not be blank; send null to unassign");
        }
        this.assignee = collector == null ? null : collector.strip();
    }

    public void changeSegment(Segment newSegment) {
        this.segment = Objects.requireNonNull(newSegment, "segment");
    }

    public void assignPolicy(String policyId) {
        this.policyOverride = policyId;
    }

    /** The annual late-payment rate of the customer's contract, in percent; null for the legal default. */
    public void agreeContractRate(BigDecimal annualRate) {
        if (annualRate != null && annualRate.signum() < 0) {
            throw new DunningRuleViolation("contractRate", "must not be negative");
        }
        this.contractRate = annualRate;
    }

    public void pause(ManualHold hold) {
        this.pause = hold;
    }

    /**
     * Proceedings were published: dunning stops for good. Returns the claim declaration deadline; a second notice
     * of the same proceedings changes nothing.
     */
    public LocalDate enterInsolvency(LocalDate publishedOn) {
        if (insolvencyPublishedOn == null) {
            insolvencyPublishedOn = publishedOn;
        }
        return claimDeclarationDeadline().orElseThrow();
    }

    public Optional<LocalDate> claimDeclarationDeadline() {
        return Optional.ofNullable(insolvencyPublishedOn).map(d -> d.plusMonths(CLAIM_DECLARATION_MONTHS));
    }

    public boolean isInsolvent() {
        return insolvencyPublishedOn != null;
    }

    public boolean isPausedOn(LocalDate day) {
        return pause != null && pause.isActiveOn(day);
    }

    public String customerId() {
        return customerId;
    }

    public Segment segment() {
        return segment;
    }

    public Optional<String> policyOverride() {
        return Optional.ofNullable(policyOverride);
    }

    public Optional<ManualHold> pause() {
        return Optional.ofNullable(pause);
    }

    public Optional<BigDecimal> contractRate() {
        return Optional.ofNullable(contractRate);
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<LocalDate> insolvencyPublishedOn() {
        return Optional.ofNullable(insolvencyPublishedOn);
    }
}
