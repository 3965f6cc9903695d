package io.relance.dunning.domain;

/** What a collector's call came to. */
public enum CallOutcome {
    REACHED,
    PROMISE_TO_PAY,
    DISPUTE,
    NO_ANSWER;

    /** A call nobody answered leaves the item on the worklist for another try; any other outcome completes it. */
    public boolean completesTheItem() {
        return this != NO_ANSWER;
    }
}
