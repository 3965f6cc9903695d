package io.relance.invoice.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts batches that the database rolled back and that were then issued item by item: the slow path. A steady
 * count means the set-based write keeps failing (a constraint, a type the driver refuses) and intake runs at a
 * fraction of its speed, with every item still accepted, so nothing else would show it.
 */
public final class BatchRollbacks {

    public static final String METRIC = "relance.intake.batch.rollbacks";

    private BatchRollbacks() {
    }

    /** The counter of one intake path: {@code rest} (POST /erp/invoices/batch) or {@code topic} (erp-invoices). */
    public static Counter counter(MeterRegistry registry, String path) {
        return Counter.builder(METRIC).tag("path", path)
                .description("ERP invoice batches rolled back by the database and issued one by one instead")
                .register(registry);
    }
}
