package io.relance.contracts.dunning;

/** Tone of a reminder's wording, harder at each step. */
public enum Tone {
    FRIENDLY,
    FIRM,
    /** Formal notice (mise en demeure) wording. */
    FORMAL
}
