package io.relance.kpi.application;

/** The state stores cannot be read yet (the stream processor is starting or rebalancing). */
public class KpiNotReadyException extends RuntimeException {

    public KpiNotReadyException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
