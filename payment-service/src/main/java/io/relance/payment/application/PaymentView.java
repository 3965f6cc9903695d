package io.relance.payment.application;

import io.relance.payment.domain.MatchRule;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.persistence.AllocationEntity;
import io.relance.payment.persistence.CandidateEntity;
import io.relance.payment.persistence.PaymentEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment as callers read it: its facts, where it was applied, and for a queued one the candidates. */
public record PaymentView(UUID id, String source, PaymentStatus status, String customerId, BigDecimal amount,
                          String currency, LocalDate valueDate, PaymentMethod method, String payerName,
                          String payerIban, String remittance, List<String> invoiceReferences, MatchRule rule,
                          BigDecimal unapplied, String queueReason, List<Line> allocations,
                          List<CandidateLine> candidates) {

    public record Line(UUID invoiceId, BigDecimal amount) {
    }

    public record CandidateLine(UUID invoiceId, String invoiceNumber, String customerId, LocalDate dueDate,
                                BigDecimal openAmount, String currency, int score, List<String> reasons) {
    }

    static PaymentView of(PaymentEntity p, List<AllocationEntity> allocations, List<CandidateEntity> candidates) {
        return new PaymentView(p.id, p.source, p.status, p.customerId, p.amount, p.currency, p.valueDate, p.method,
                p.payerName, p.payerIban, p.remittance, p.references(), p.matchRule, p.unapplied, p.queueReason,
                allocations.stream().filter(a -> a.paymentId.equals(p.id)).map(a -> new Line(a.invoiceId, a.amount)).toList(),
                candidates.stream().filter(c -> c.paymentId.equals(p.id))
                        .map(c -> new CandidateLine(c.invoiceId, c.invoiceNumber, c.customerId, c.dueDate,
                                c.openAmount, c.currency, c.score, c.reasonList())).toList());
    }
}
