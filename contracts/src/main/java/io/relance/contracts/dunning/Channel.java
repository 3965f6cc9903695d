package io.relance.contracts.dunning;

/** How a reminder reaches the customer. */
public enum Channel {
    EMAIL,
    SMS,
    LETTER,
    /** Lettre recommandée avec accusé de réception, used for the formal notice. */
    REGISTERED_LETTER,
    /** A call for a collector to make: a task, not a message. */
    PHONE_TASK,
    /** Hand-over of the claim to a collection agency or to legal action. */
    COLLECTION_AGENCY
}
