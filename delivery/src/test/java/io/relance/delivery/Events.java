package io.relance.delivery;

import io.relance.contracts.invoice.InvoiceIssued;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Test events with fresh ids. */
final class Events {

    private Events() {
    }

    static InvoiceIssued invoiceIssued(String customerId, String number) {
        return new InvoiceIssued(UUID.randomUUID(), Instant.parse("2026-03-02T09:15:00Z"), customerId,
                UUID.randomUUID(), number, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-04-01"),
                new BigDecimal("1200.00"), "EUR", "sap-fr", "EXT-" + number);
    }
}
