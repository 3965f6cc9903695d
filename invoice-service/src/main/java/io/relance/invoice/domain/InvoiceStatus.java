package io.relance.invoice.domain;

public enum InvoiceStatus {
    OPEN
}
