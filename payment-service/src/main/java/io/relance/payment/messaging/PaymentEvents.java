package io.relance.payment.messaging;

import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentAllocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Translates payment facts into the event contracts; the only place that knows both. */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    public static PaymentReceived received(UUID paymentId, String customerId, LocalDate valueDate, Money amount,
                                           io.relance.payment.domain.PaymentMethod method,
                                           List<PaymentAllocation> allocations, Money unapplied, Instant occurredAt) {
        return new PaymentReceived(UUID.randomUUID(), occurredAt, customerId, paymentId, valueDate, amount.amount(),
                amount.code(), PaymentMethod.valueOf(method.name()), contract(allocations), unapplied.amount());
    }

    public static PaymentReversed reversed(UUID paymentId, String customerId, LocalDate reversedOn, Money amount,
                                           String reason, List<PaymentAllocation> allocations, Instant occurredAt) {
        return new PaymentReversed(UUID.randomUUID(), occurredAt, customerId, paymentId, reversedOn, amount.amount(),
                amount.code(), reason, contract(allocations));
    }

    private static List<Allocation> contract(List<PaymentAllocation> allocations) {
        return allocations.stream().map(a -> new Allocation(a.invoiceId(), a.amount().amount())).toList();
    }
}
