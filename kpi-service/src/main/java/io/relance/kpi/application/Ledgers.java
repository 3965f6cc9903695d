package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;

import java.util.Optional;
import java.util.function.Consumer;

/** The customer ledgers the KPIs are computed from, wherever they are kept. */
public interface Ledgers {

    /** Passes every ledger to {@code action}, one at a time. */
    void forEach(Consumer<CustomerLedger> action);

    Optional<CustomerLedger> find(String customerId);
}
