package io.relance.dunning.domain;

/** How a step reaches the debtor. */
public enum Channel {
    EMAIL,
    SMS,
    LETTER,
    REGISTERED_LETTER,
    PHONE_TASK,
    COLLECTION_AGENCY
}
