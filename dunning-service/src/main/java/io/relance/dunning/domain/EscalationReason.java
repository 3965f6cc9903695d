package io.relance.dunning.domain;

/** Why a case moved to a step. */
public enum EscalationReason {
    SCHEDULE,
    BROKEN_PROMISE,
    MISSED_INSTALMENT,
    MANUAL
}
