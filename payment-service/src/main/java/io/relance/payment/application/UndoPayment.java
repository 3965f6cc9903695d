package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.payment.domain.MatchDecision;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentAllocation;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.messaging.PaymentEvents;
import io.relance.payment.persistence.AllocationEntity;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.CandidateRepository;
import io.relance.payment.persistence.PaymentEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Takes a payment's application back, publishing PaymentReversed so that its invoices are owed again: a collector
 * unmatching a wrong match (the payment returns to the queue), or the bank returning the money (a rejected direct
 * debit, a charge-back: the payment is reversed for good).
 */
@ApplicationScoped
public class UndoPayment {

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final CandidateRepository candidates;
    private final CashApplier cashApplier;
    private final Outbox outbox;
    private final Clock clock;

    UndoPayment(PaymentRepository payments, AllocationRepository allocations, CandidateRepository candidates,
                CashApplier cashApplier, Outbox outbox, Clock clock) {
        this.payments = payments;
        this.allocations = allocations;
        this.candidates = candidates;
        this.cashApplier = cashApplier;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PaymentView> unmatch(UUID paymentId, String reason) {
        return payments.forUpdate(paymentId).chain(found -> {
            PaymentEntity payment = found.orElseThrow(() -> new PaymentNotFoundException(paymentId));
            if (payment.status != PaymentStatus.MATCHED) {
                throw new PaymentStateException("payment " + paymentId + " is " + payment.status
                        + ": only a matched payment can be unmatched");
            }
            return takeBack(payment, reason).chain(() -> cashApplier.queue(payment,
                    new MatchDecision.Unmatched("unmatched by a collector: " + reason, List.of())))
                    .chain(() -> view(payment));
        });
    }

    /** The bank returned the money of {@code payment}; an already reversed payment is left as it is. */
    Uni<Void> reverse(PaymentEntity payment, String reason) {
        if (payment.status == PaymentStatus.REVERSED) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> undo = payment.status == PaymentStatus.MATCHED ? takeBack(payment, reason).replaceWithVoid()
                : candidates.removeOfPayment(payment.id);
        return undo.invoke(() -> {
            payment.status = PaymentStatus.REVERSED;
            payment.customerId = null;
            payment.matchRule = null;
            payment.unapplied = BigDecimal.ZERO;
            payment.queueReason = null;
        });
    }

    private Uni<List<AllocationEntity>> takeBack(PaymentEntity payment, String reason) {
        return allocations.ofPayment(payment.id).chain(rows -> cashApplier.lockItems(
                new LinkedHashSet<>(rows.stream().map(a -> a.invoiceId).toList())).chain(locked -> {
            rows.forEach(a -> locked.get(a.invoiceId).allocate(a.amount.negate(), clock.instant()));
            Money paid = CashApplier.money(payment);
            List<PaymentAllocation> undone = rows.stream()
                    .map(a -> new PaymentAllocation(a.invoiceId, new Money(a.amount.stripTrailingZeros(), paid.currency())))
                    .toList();
            return outbox.append(PaymentEvents.reversed(payment.id, payment.customerId, LocalDate.now(clock), paid,
                            reason, undone, clock.instant()))
                    .chain(() -> allocations.removeOfPayment(payment.id))
                    .replaceWith(rows);
        }));
    }

    private Uni<PaymentView> view(PaymentEntity payment) {
        return allocations.ofPayment(payment.id).chain(rows -> candidates.ofPayments(List.of(payment.id))
                .map(ranked -> PaymentView.of(payment, rows, ranked)));
    }
}
