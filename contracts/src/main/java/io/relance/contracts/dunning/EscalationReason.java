package io.relance.contracts.dunning;

/** Why a dunning case moved to another step. */
public enum EscalationReason {
    /** The policy's next step fell due. */
    SCHEDULE,
    /** A promise to pay was not kept by its date plus the grace period. */
    BROKEN_PROMISE,
    /** An instalment of a payment plan was missed. */
    MISSED_INSTALMENT,
    /** A collector moved the case by hand. */
    MANUAL
}
