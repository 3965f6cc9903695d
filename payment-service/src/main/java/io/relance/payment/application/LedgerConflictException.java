package io.relance.payment.application;

/** An invoice event contradicts what is known about the invoice: it can never be applied as it is. */
public class LedgerConflictException extends RuntimeException {

    public LedgerConflictException(String message) {
        super(message);
    }
}
