package io.relance.contracts;

import java.util.List;
import java.util.Set;

/**
 * Names of every Kafka topic that crosses a service boundary.
 *
 * <p>The record key is the customer id on every business topic, so that all facts about one debtor stay in
 * order on one partition; a dead-letter record keeps the key of the record it replaces.
 */
public final class Topics {

    /** Invoice, credit-note, dispute and write-off events, published by invoice-service. */
    public static final String INVOICE_EVENTS = "invoice-events";

    /** Payment events, published by payment-service. */
    public static final String PAYMENT_EVENTS = "payment-events";

    /** Reminder requests and dunning-case events, published by dunning-service. */
    public static final String DUNNING_EVENTS = "dunning-events";

    /** Delivery outcomes of reminders, published by notification-service. */
    public static final String NOTIFICATION_EVENTS = "notification-events";

    /** Invoices sent by ERP systems, consumed by invoice-service. */
    public static final String ERP_INVOICES = "erp-invoices";

    /**
     * Latest profile of each customer, published by invoice-service; compacted, and the only topic
     * with personal contact data (erasure publishes a tombstone).
     */
    public static final String CUSTOMER_PROFILES = "customer-profiles";

    /**
     * The platform's business clock in replay mode: one partition, compacted, key {@code platform}; the replay tool
     * publishes and every service follows the latest tick. Empty in normal mode, where services read the system clock.
     */
    public static final String BUSINESS_CLOCK = "business-clock";

    /** Records invoice-service could not process, with the reason in the dead-letter headers. */
    public static final String INVOICE_SERVICE_DEAD_LETTERS = "invoice-service.dead-letters";

    /** Records dunning-service could not process, with the reason in the dead-letter headers. */
    public static final String DUNNING_SERVICE_DEAD_LETTERS = "dunning-service.dead-letters";

    /** Records payment-service could not process, with the reason in the dead-letter headers. */
    public static final String PAYMENT_SERVICE_DEAD_LETTERS = "payment-service.dead-letters";

    /** Records notification-service could not process, with the reason in the dead-letter headers. */
    public static final String NOTIFICATION_SERVICE_DEAD_LETTERS = "notification-service.dead-letters";

    /** Records kpi-service could not process, with the reason in the dead-letter headers. */
    public static final String KPI_SERVICE_DEAD_LETTERS = "kpi-service.dead-letters";

    /** Every topic, in the order above. */
    public static final List<String> ALL = List.of(
            INVOICE_EVENTS,
            PAYMENT_EVENTS,
            DUNNING_EVENTS,
            NOTIFICATION_EVENTS,
            ERP_INVOICES,
            CUSTOMER_PROFILES,
            BUSINESS_CLOCK,
            INVOICE_SERVICE_DEAD_LETTERS,
            DUNNING_SERVICE_DEAD_LETTERS,
            PAYMENT_SERVICE_DEAD_LETTERS,
            NOTIFICATION_SERVICE_DEAD_LETTERS,
            KPI_SERVICE_DEAD_LETTERS);

    /** Topics created with {@code cleanup.policy=compact}: only the latest record per key is kept. */
    public static final Set<String> COMPACTED = Set.of(CUSTOMER_PROFILES, BUSINESS_CLOCK);

    /** Topics with a single partition, because their records are read in one total order. */
    public static final Set<String> SINGLE_PARTITION = Set.of(BUSINESS_CLOCK);

    /** Dead-letter topics: their values are the failed records' values, byte for byte. */
    public static final Set<String> DEAD_LETTERS = Set.of(
            INVOICE_SERVICE_DEAD_LETTERS,
            DUNNING_SERVICE_DEAD_LETTERS,
            PAYMENT_SERVICE_DEAD_LETTERS,
            NOTIFICATION_SERVICE_DEAD_LETTERS,
            KPI_SERVICE_DEAD_LETTERS);

    private Topics() {
    }
}
