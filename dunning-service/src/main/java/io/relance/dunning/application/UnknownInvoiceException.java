package io.relance.dunning.application;

import java.util.UUID;

/** A command named an invoice dunning has never heard of. */
public class UnknownInvoiceException extends RuntimeException {

    public UnknownInvoiceException(UUID invoiceId) {
        super("no invoice " + invoiceId + " is known to dunning");
    }
}
