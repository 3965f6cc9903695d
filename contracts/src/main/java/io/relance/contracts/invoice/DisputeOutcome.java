package io.relance.contracts.invoice;

/** How a dispute ended. */
public enum DisputeOutcome {
    /** The claim was unfounded: the invoice stays owed in full and dunning resumes. */
    REJECTED,
    /** The claim was accepted and settled by a credit note, published as its own event. */
    ACCEPTED_CREDITED,
    /** The customer dropped the claim: dunning resumes. */
    WITHDRAWN
}
