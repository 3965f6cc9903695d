package io.relance.invoice.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts batches that the database rolled back and that were then issued item by item: the slow path. A steady
 * count means the set-based write keeps failing (a constraint, a type the driver refuses) and intake runs at a
 * fraction of its speed, with every item still accepted, so nothing else would show it. Registered at start-up, so
 * the metric exists (at zero) before the first batch and an alert on it reads a real series.
 */
@Startup
@ApplicationScoped
public class BatchRollbacks {

    public static final String METRIC = "relance.intake.batch.rollbacks";

    private final Counter rest;
    private final Counter topic;
    private final Counter grouped;

    BatchRollbacks(MeterRegistry registry) {
        this.rest = counter(registry, "rest");
        this.topic = counter(registry, "topic");
        this.grouped = counter(registry, "grouped");
    }

    /** A batch of {@code POST /erp/invoices/batch} fell back. */
    public void rest() {
        rest.increment();
    }

    /** A run of erp-invoices records fell back. */
    public void topic() {
        topic.increment();
    }

    /** A group of single {@code POST /invoices} committed together fell back ({@link GroupCommit}). */
    public void grouped() {
        grouped.increment();
    }

    private static Counter counter(MeterRegistry registry, String path) {
        return Counter.builder(METRIC).tag("path", path)
                .description("Invoice batches rolled back by the database and issued one by one instead")
                .register(registry);
    }
}
