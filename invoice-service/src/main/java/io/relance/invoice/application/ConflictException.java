package io.relance.invoice.application;

import java.util.List;

/** The request contradicts what is already stored; {@code fields} names where. */
public class ConflictException extends RuntimeException {

    private final List<String> fields;

    public ConflictException(String message, List<String> fields) {
        super(message);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
