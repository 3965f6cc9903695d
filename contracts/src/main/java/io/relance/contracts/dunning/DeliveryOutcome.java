package io.relance.contracts.dunning;

/** What became of a reminder, as notification-service last reported it. */
public enum DeliveryOutcome {
    /** Requested; no outcome reported yet. */
    REQUESTED,
    SENT,
    FAILED
}
