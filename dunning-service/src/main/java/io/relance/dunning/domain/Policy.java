package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dunning scenario: steps in strictly increasing offset order.
 *
 * @param sendsOnNonBusinessDays true when steps fall on weekends and public holidays as scheduled
 */
public record Policy(String id, int version, String name, List<PolicyStep> steps, boolean sendsOnNonBusinessDays) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        validate(steps);
    }

    private static void validate(List<PolicyStep> steps) {
        if (steps.isEmpty()) {
            throw new DunningRuleViolation("steps", "must hold at least one step");
        }
        Set<Integer> offsets = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            PolicyStep step = steps.get(i);
            String field = "steps[" + i + "]";
            if (!offsets.add(step.offsetDays())) {
                throw new DunningRuleViolation(field + ".offsetDays", "must differ from every other step's offset; "
                        + step.offsetDays() + " is used twice");
            }
            if (i > 0 && step.offsetDays() < steps.get(i - 1).offsetDays()) {
                throw new DunningRuleViolation(field + ".offsetDays", "must be greater than the previous step's ("
                        + steps.get(i - 1).offsetDays() + "): steps are in order");
            }
            if (step.channels().isEmpty()) {
                throw new DunningRuleViolation(field + ".channels", "must name at least one channel");
            }
            if (step.minimumAmount() != null && step.minimumAmount().signum() < 0) {
                throw new DunningRuleViolation(field + ".minimumAmount", "must not be negative");
            }
            if (step.responseDays() != null && step.responseDays() < 0) {
                throw new DunningRuleViolation(field + ".responseDays", "must not be negative");
            }
        }
    }

    public PolicyStep step(int index) {
        return steps.get(index);
    }

    public boolean hasStep(int index) {
        return index >= 0 && index < steps.size();
    }

    /** The day step {@code index} falls on for an invoice due on {@code dueDate}. */
    public LocalDate dateOf(int index, LocalDate dueDate, FrenchBusinessCalendar calendar) {
        LocalDate scheduled = dueDate.plusDays(steps.get(index).offsetDays());
        return sendsOnNonBusinessDays ? scheduled : calendar.onOrAfter(scheduled);
    }

    /** The last step whose day has come by {@code today}; -1 when none has. */
    public int stepReachedOn(LocalDate today, LocalDate dueDate, FrenchBusinessCalendar calendar) {
        int reached = -1;
        for (int i = 0; i < steps.size() && !dateOf(i, dueDate, calendar).isAfter(today); i++) {
            reached = i;
        }
        return reached;
    }
}
