package io.relance.notification.domain;

/** Wording of a reminder, harder at each step; FORMAL is the formal notice (mise en demeure). */
public enum Tone {
    FRIENDLY,
    FIRM,
    FORMAL
}
