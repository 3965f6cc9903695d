package io.relance.kpi.api;

/** A query or path parameter breaks {@code rule}; answered with a 400 problem document naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;
    private final String rule;

    public BadParameterException(String parameter, String rule) {
        super(parameter + " " + rule);
        this.parameter = parameter;
        this.rule = rule;
    }

    public String parameter() {
        return parameter;
    }

    public String rule() {
        return rule;
    }
}
