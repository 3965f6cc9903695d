package io.relance.kpi.domain;

/** Where an open balance falls by days past its due date. */
public enum AgingBucket {
    NOT_DUE("not due"),
    DAYS_1_30("1-30"),
    DAYS_31_60("31-60"),
    DAYS_61_90("61-90"),
    OVER_90(">90");

    private final String label;

    AgingBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The bucket of a balance that is {@code daysOverdue} days past due (zero or less: not due). */
    public static AgingBucket of(long daysOverdue) {
        if (daysOverdue <= 0) {
            return NOT_DUE;
        }
        if (daysOverdue <= 30) {
            return DAYS_1_30;
        }
        if (daysOverdue <= 60) {
            return DAYS_31_60;
        }
        return daysOverdue <= 90 ? DAYS_61_90 : OVER_90;
    }
}
