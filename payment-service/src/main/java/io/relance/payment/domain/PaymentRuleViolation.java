package io.relance.payment.domain;

/** A business rule of payments that a request breaks, naming the field and the rule. */
public class PaymentRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public PaymentRuleViolation(String field, String rule) {
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
