package io.relance.invoice.application;

/** The request is well-formed but refers to something that does not exist: {@code field} names it. */
public class UnprocessableException extends RuntimeException {

    private final String field;
    private final String rule;

    public UnprocessableException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
