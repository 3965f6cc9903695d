package io.relance.benchmark;

import java.time.LocalDate;

/**
 * The dates of every invoice the benchmarks send: issued today, due in 30 days, as an ERP sends new invoices. An
 * invoice overdue already would make dunning-service escalate it on its next sweep, work no fresh intake causes.
 */
final class Terms {

    static final LocalDate ISSUED = LocalDate.now();
    static final LocalDate DUE = ISSUED.plusDays(30);

    private Terms() {
    }
}
