package io.relance.notification.api;

/** A query or path parameter breaks a rule; becomes a 400 problem naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidParameterException(String field, String rule) {
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
