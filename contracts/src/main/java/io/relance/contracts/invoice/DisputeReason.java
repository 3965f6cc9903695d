package io.relance.contracts.invoice;

/** Why a customer contests an invoice. */
public enum DisputeReason {
    PRICE,
    QUANTITY,
    QUALITY,
    NOT_RECEIVED,
    DUPLICATE,
    OTHER
}
