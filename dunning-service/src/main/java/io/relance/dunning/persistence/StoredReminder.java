package io.relance.dunning.persistence;

import io.relance.dunning.domain.Reminder;

import java.time.Instant;

/** A reminder requested and the last outcome notification-service reported for it. */
public record StoredReminder(Reminder reminder, Instant requestedAt, Outcome outcome, String outcomeChannel,
                             String outcomeDetail, Instant outcomeAt) {

    public enum Outcome {
        REQUESTED,
        SENT,
        FAILED
    }
}
