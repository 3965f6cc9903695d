package io.relance.invoice.domain;

/** Where an invoice stands; CANCELLED and WRITTEN_OFF are final, the others follow from the balance. */
public enum InvoiceStatus {
    OPEN, PARTIALLY_PAID, PAID, CREDITED, CANCELLED, WRITTEN_OFF;

    public boolean isFinal() {
        return this == CANCELLED || this == WRITTEN_OFF;
    }
}
