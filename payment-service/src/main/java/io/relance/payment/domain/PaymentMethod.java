package io.relance.payment.domain;

/** How the customer paid. */
public enum PaymentMethod {
    TRANSFER,
    SEPA_DIRECT_DEBIT,
    CARD,
    CHEQUE,
    CASH
}
