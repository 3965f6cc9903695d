package io.relance.invoice.application;

import java.util.UUID;

/** No invoice has this id. */
public class UnknownInvoiceException extends RuntimeException {

    public UnknownInvoiceException(UUID invoiceId) {
        super("no invoice " + invoiceId);
    }
}
