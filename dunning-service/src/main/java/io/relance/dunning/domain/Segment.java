package io.relance.dunning.domain;

/** The customer segments policies are assigned by. */
public enum Segment {
    REGULAR,
    OCCASIONAL,
    NEW,
    RISKY
}
