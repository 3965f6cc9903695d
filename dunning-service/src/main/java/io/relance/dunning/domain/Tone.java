package io.relance.dunning.domain;

/** The register a reminder is written in. */
public enum Tone {
    FRIENDLY,
    FIRM,
    FORMAL
}
