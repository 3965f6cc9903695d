package io.relance.invoice.application;

import java.util.List;

/** The invoice number is already issued with other content. */
public class ConflictingInvoiceException extends RuntimeException {

    private final List<String> differingFields;

    public ConflictingInvoiceException(String number, List<String> differingFields) {
        super("invoice " + number + " was already issued with a different " + String.join(", ", differingFields));
        this.differingFields = List.copyOf(differingFields);
    }

    public List<String> differingFields() {
        return differingFields;
    }
}
