package io.relance.contracts.customer;

/** Customer segment: chooses the dunning policy and groups the KPIs. */
public enum Segment {
    /** A regular customer who pays well. */
    REGULAR,
    OCCASIONAL,
    /** A customer without enough payment history to judge. */
    NEW,
    /** A customer who often pays late or disputes: chased earlier and harder. */
    RISKY
}
