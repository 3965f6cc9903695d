package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What one evaluation decided for one customer on one business day. Nothing changes until {@link #commit()}, so
 * a preview is an evaluation that is never committed.
 */
public record DunningRun(LocalDate businessDate, List<Reminder> reminders, List<Escalation> escalations,
                         List<StepTaken> steps, List<DunningCase> endedPromises) {

    public DunningRun {
        reminders = List.copyOf(reminders);
        escalations = List.copyOf(escalations);
        steps = List.copyOf(steps);
        endedPromises = List.copyOf(endedPromises);
    }

    public boolean isEmpty() {
        return reminders.isEmpty() && escalations.isEmpty() && steps.isEmpty() && endedPromises.isEmpty();
    }

    /** Records every step taken on its case; a broken promise or plan ends with its escalation. */
    public void commit() {
        for (StepTaken step : steps) {
            step.dunningCase().recordStep(step.stepIndex(), businessDate);
            if (step.reason() == EscalationReason.BROKEN_PROMISE) {
                step.dunningCase().endPromise();
            }
            if (step.reason() == EscalationReason.MISSED_INSTALMENT) {
                step.dunningCase().endPlan();
            }
        }
        endedPromises.forEach(DunningCase::endPromise);
    }
}
