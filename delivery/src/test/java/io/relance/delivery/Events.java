package io.relance.delivery;

import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /** A payment of {@code amount} EUR, allocated to nothing: the batch consumer's test event. */
    static PaymentReceived paymentReceived(String customerId, String amount) {
        return new PaymentReceived(UUID.randomUUID(), Instant.parse("2026-03-10T08:00:00Z"), customerId,
                UUID.randomUUID(), LocalDate.parse("2026-03-10"), new BigDecimal(amount), "EUR", PaymentMethod.TRANSFER,
                List.of(), new BigDecimal(amount));
    }
}
