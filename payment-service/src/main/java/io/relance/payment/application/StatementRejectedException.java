package io.relance.payment.application;

/** A bank statement file that is refused as a whole: nothing of it is imported. */
public class StatementRejectedException extends RuntimeException {

    private final String rule;
    private final boolean tooLarge;

    public StatementRejectedException(String rule, boolean tooLarge) {
        super("statement " + rule);
        this.rule = rule;
        this.tooLarge = tooLarge;
    }

    public StatementRejectedException(String rule) {
        this(rule, false);
    }

    public String rule() {
        return rule;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
