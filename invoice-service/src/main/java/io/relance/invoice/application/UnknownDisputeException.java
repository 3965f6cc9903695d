package io.relance.invoice.application;

import java.util.UUID;

/** No dispute has this id. */
public class UnknownDisputeException extends RuntimeException {

    public UnknownDisputeException(UUID disputeId) {
        super("no dispute " + disputeId);
    }
}
