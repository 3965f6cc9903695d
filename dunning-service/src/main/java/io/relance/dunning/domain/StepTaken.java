package io.relance.dunning.domain;

/**
 * A case reached a step on the run's day.
 *
 * @param skipped true when the invoice was below the step's minimum amount, so nothing was sent for it
 */
public record StepTaken(DunningCase dunningCase, int stepIndex, EscalationReason reason, boolean skipped) {
}
