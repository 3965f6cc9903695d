package io.relance.contracts.dunning;

/** Why a dunning case ended. */
public enum ClosureReason {
    PAID,
    /** A credit note covered the balance. */
    CREDITED,
    CANCELLED,
    WRITTEN_OFF,
    /** Insolvency proceedings opened: the customer is never chased again, the claim is declared. */
    INSOLVENCY
}
