package io.relance.payment.domain;

/** Why a payment was applied the way it was, for the collector reading it later. */
public enum MatchRule {
    /** The remittance or the stated references name the invoices. */
    INVOICE_REFERENCE,
    /** The payer is known and exactly one of its open invoices has the paid amount. */
    EXACT_AMOUNT,
    /** The payer is known and exactly one set of its open invoices adds up to the paid amount. */
    SUM_OF_INVOICES,
    /** The payer is known by IBAN; no amount fits, so its invoices are settled oldest due first. */
    OLDEST_DUE_FIRST,
    /** A collector applied it by hand. */
    MANUAL
}
