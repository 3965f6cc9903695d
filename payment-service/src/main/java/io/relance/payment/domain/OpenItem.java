package io.relance.payment.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** An invoice of a customer with the balance still open on it, as this service knows it from invoice events. */
public record OpenItem(UUID invoiceId, String customerId, String invoiceNumber, LocalDate dueDate, Money openAmount) {

    public OpenItem {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(openAmount, "openAmount");
    }
}
