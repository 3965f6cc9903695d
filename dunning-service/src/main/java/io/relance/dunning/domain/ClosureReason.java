package io.relance.dunning.domain;

/** Why a dunning case ended. */
public enum ClosureReason {
    PAID,
    CREDITED,
    CANCELLED,
    WRITTEN_OFF,
    INSOLVENCY
}
