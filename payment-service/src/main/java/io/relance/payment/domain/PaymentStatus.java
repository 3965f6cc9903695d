package io.relance.payment.domain;

/** Where a payment stands in cash application. */
public enum PaymentStatus {
    /** Applied to a customer: to invoices, to its unapplied credit, or both. */
    MATCHED,
    /** In the unmatched queue, waiting for a collector. */
    UNMATCHED,
    /** The money went back (returned direct debit, charge-back): nothing of it is applied any more. */
    REVERSED
}
