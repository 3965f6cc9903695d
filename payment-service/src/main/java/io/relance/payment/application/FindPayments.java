package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.CandidateRepository;
import io.relance.payment.persistence.PaymentEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class FindPayments {

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final CandidateRepository candidates;

    FindPayments(PaymentRepository payments, AllocationRepository allocations, CandidateRepository candidates) {
        this.payments = payments;
        this.allocations = allocations;
        this.candidates = candidates;
    }

    @WithSession
    public Uni<PaymentView> byId(UUID id) {
        return payments.findById(id).chain(payment -> {
            if (payment == null) {
                throw new PaymentNotFoundException(id);
            }
            return views(List.of(payment)).map(list -> list.get(0));
        });
    }

    /** The unmatched queue, oldest value date first. */
    @WithSession
    public Uni<List<PaymentView>> unmatched(int limit) {
        return payments.withStatus(PaymentStatus.UNMATCHED, limit).chain(this::views);
    }

    @WithSession
    public Uni<Map<String, BigDecimal>> unappliedCredit(String customerId) {
        return payments.unappliedCredit(customerId);
    }

    private Uni<List<PaymentView>> views(List<PaymentEntity> list) {
        List<UUID> ids = list.stream().map(p -> p.id).toList();
        return allocations.ofPayments(ids).chain(rows -> candidates.ofPayments(ids)
                .map(ranked -> list.stream().map(p -> PaymentView.of(p, rows, ranked)).toList()));
    }
}
