package io.relance.kpi.streams;

/** Names of the state stores that the REST API reads by interactive query. */
public final class KpiStores {

    /** Event ids already counted (value: epoch millis of occurredAt), so a duplicate changes no figure. */
    public static final String SEEN_EVENTS = "seen-events";

    /** Open receivables per currency, as decimal strings; each partition holds its own part of the total. */
    public static final String RECEIVABLES = "receivables-by-currency";

    private KpiStores() {
    }
}
