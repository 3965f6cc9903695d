package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.payment.domain.ManualMatch;
import io.relance.payment.domain.MatchDecision;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.PaymentAllocation;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.CandidateRepository;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A collector applies a queued payment to one or several invoices (a split), by hand. */
@ApplicationScoped
public class MatchByHand {

    public record Line(UUID invoiceId, BigDecimal amount) {
    }

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final CandidateRepository candidates;
    private final CashApplier cashApplier;

    MatchByHand(PaymentRepository payments, AllocationRepository allocations, CandidateRepository candidates,
                CashApplier cashApplier) {
        this.payments = payments;
        this.allocations = allocations;
        this.candidates = candidates;
        this.cashApplier = cashApplier;
    }

    @WithTransaction
    public Uni<PaymentView> match(UUID paymentId, List<Line> lines) {
        return payments.forUpdate(paymentId).chain(found -> {
            var payment = found.orElseThrow(() -> new PaymentNotFoundException(paymentId));
            if (payment.status != PaymentStatus.UNMATCHED) {
                throw new PaymentStateException("payment " + paymentId + " is " + payment.status
                        + ": only an unmatched payment can be matched by hand; unmatch it first");
            }
            Money paid = CashApplier.money(payment);
            List<PaymentAllocation> requested = lines.stream()
                    .map(line -> new PaymentAllocation(line.invoiceId(), new Money(line.amount(), paid.currency())))
                    .toList();
            Set<UUID> ids = new LinkedHashSet<>(requested.stream().map(PaymentAllocation::invoiceId).toList());
            return cashApplier.lockItems(ids).chain(locked -> {
                List<OpenItem> items = locked.values().stream().filter(OpenItemEntity::isIssued)
                        .map(OpenItemEntity::toDomain).toList();
                MatchDecision.Matched matched = ManualMatch.decide(paid, items, requested);
                return cashApplier.settle(payment, matched, locked);
            }).chain(() -> allocations.ofPayment(paymentId))
                    .chain(rows -> candidates.ofPayments(List.of(paymentId))
                            .map(ranked -> PaymentView.of(payment, rows, ranked)));
        });
    }
}
