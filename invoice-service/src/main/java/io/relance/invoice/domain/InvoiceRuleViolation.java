package io.relance.invoice.domain;

/** A business rule of invoices that a request breaks, naming the field and the rule. */
public class InvoiceRuleViolation extends RuntimeException {

    private final String field;
    private final String rule;

    public InvoiceRuleViolation(String field, String rule) {
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
