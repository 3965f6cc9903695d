package io.relance.dunning.domain;

/** What a step claims on top of the open balance (Code de commerce L441-10). */
public enum Charge {
    LATE_INTEREST,
    RECOVERY_INDEMNITY
}
