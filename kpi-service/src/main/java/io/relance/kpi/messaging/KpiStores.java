package io.relance.kpi.messaging;

/** Names of the state stores that the REST API and the gauges read by interactive query. */
public final class KpiStores {

    /**
     * Event ids already counted, a window store keyed by the event's occurredAt (value: the same epoch millis), so
     * a duplicate is skipped before it is read; ids are dropped once the task's business time (the latest
     * occurredAt it has seen) is past their occurredAt by more than the retention.
     */
    public static final String SEEN_EVENTS = "seen-event-ids";

    /** Customer id → {@link io.relance.kpi.domain.CustomerLedger}: the dated facts every KPI is computed from. */
    public static final String LEDGERS = "customer-ledgers";

    /**
     * Day, month and month-invoicing keys ({@link DayKeys}) → {@link io.relance.kpi.domain.DaySums}: what every
     * ledger of the partition adds to the KPI sums on that business day or month, kept up to date as ledgers change,
     * so that a query reads months and a few days, not invoices.
     */
    public static final String DAY_SUMS = "kpi-day-sums";

    private KpiStores() {
    }
}
