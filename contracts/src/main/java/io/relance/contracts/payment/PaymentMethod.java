package io.relance.contracts.payment;

/** How the customer paid. */
public enum PaymentMethod {
    TRANSFER,
    SEPA_DIRECT_DEBIT,
    CARD,
    CHEQUE,
    CASH
}
