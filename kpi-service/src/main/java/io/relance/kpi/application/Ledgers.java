package io.relance.kpi.application;

import io.relance.kpi.domain.CustomerLedger;

import java.util.Optional;

/** The customer ledgers, wherever they are kept: one customer's KPIs are computed from its ledger. */
public interface Ledgers {

    Optional<CustomerLedger> find(String customerId);
}
