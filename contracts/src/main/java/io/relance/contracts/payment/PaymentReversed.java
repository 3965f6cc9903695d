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
 * A payment received earlier was reversed (bounced cheque, rejected direct debit, charge-back,
 * mistaken match): the invoices in {@code allocations} are owed again for those amounts.
 *
 * @param amount the reversed amount, the whole payment or part of it
 * @param reason the bank's or the operator's reason, for example a SEPA reject code
 * @param allocations what is un-applied from each invoice, possibly none when nothing was applied
 */
public record PaymentReversed(
        UUID eventId,
        Instant occurredAt,
        String customerId,
        UUID paymentId,
        LocalDate reversedOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        String reason,
        List<Allocation> allocations) implements RelanceEvent {

    public PaymentReversed {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(paymentId, "paymentId");
        requireNonNull(reversedOn, "reversedOn");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
        requireNonNull(reason, "reason");
        allocations = List.copyOf(requireNonNull(allocations, "allocations"));
    }
}
