package io.relance.dunning.domain;

/** A dunning rule that a command or a policy breaks, naming the field and the rule. */
public class DunningRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public DunningRuleViolation(String field, String rule) {
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
