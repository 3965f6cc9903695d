package io.relance.payment.application;

import java.util.List;

/** The idempotency key was already used for a payment with other content. */
public class ConflictingPaymentException extends RuntimeException {

    private final List<String> differingFields;

    public ConflictingPaymentException(String key, List<String> differingFields) {
        super("idempotency key " + key + " was already used for a payment with a different "
                + String.join(", ", differingFields));
        this.differingFields = List.copyOf(differingFields);
    }

    public List<String> differingFields() {
        return differingFields;
    }
}
