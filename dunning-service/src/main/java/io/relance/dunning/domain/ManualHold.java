package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Dunning paused by hand, from {@code startsOn} to {@code endsOn} included.
 *
 * @param endsOn the last day of the hold; null when it lasts until lifted
 */
public record ManualHold(String reason, LocalDate startsOn, LocalDate endsOn) {

    public ManualHold {
        if (reason == null || reason.isBlank()) {
            throw new DunningRuleViolation("reason", "must be given");
        }
        Objects.requireNonNull(startsOn, "startsOn");
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new DunningRuleViolation("endsOn", "must not be before startsOn (" + startsOn + ")");
        }
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }
}
