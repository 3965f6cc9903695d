package io.relance.contracts.payment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.relance.contracts.RelanceEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The customer paid {@code amount}, credited on {@code valueDate} and applied to invoices as
 * {@code allocations}; {@code amount} equals the sum of the allocations plus {@code unappliedAmount}.
 *
 * @param valueDate the bank value date: the day the money counts as received
 * @param allocations the invoices the payment settles, possibly none when it is not matched yet
 * @param unappliedAmount the part not applied to any invoice, zero when fully applied
 */
public record PaymentReceived(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID paymentId,
        LocalDate valueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        PaymentMethod method,
        List<Allocation> allocations,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unappliedAmount) implements RelanceEvent {

    public PaymentReceived {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(paymentId, "paymentId");
        requireNonNull(valueDate, "valueDate");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        requireNonNull(method, "method");
        allocations = List.copyOf(requireNonNull(allocations, "allocations"));
        requireNonNull(unappliedAmount, "unappliedAmount");
    }
}
