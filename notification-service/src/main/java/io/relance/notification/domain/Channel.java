package io.relance.notification.domain;

/** How a reminder reaches the customer; the same names as on the wire. */
public enum Channel {
    EMAIL,
    SMS,
    LETTER,
    REGISTERED_LETTER,
    PHONE_TASK,
    COLLECTION_AGENCY;

    /** False for the channels whose work happens elsewhere (a collector's call, an agency hand-over): no message. */
    public boolean carriesMessage() {
        return this != PHONE_TASK && this != COLLECTION_AGENCY;
    }

    public boolean isLetter() {
        return this == LETTER || this == REGISTERED_LETTER;
    }
}
