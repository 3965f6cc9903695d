package io.relance.payment.api;

import io.relance.payment.application.PaymentView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A payment as the API shows it; amounts are decimal strings. */
public record PaymentResponse(UUID id, String source, String status, String customerId, String amount, String currency,
                              LocalDate valueDate, String method, String payerName, String payerIban, String remittance,
                              List<String> invoiceReferences, String matchRule, String unappliedAmount,
                              String queueReason, List<Allocation> allocations, List<Candidate> candidates) {

    public record Allocation(UUID invoiceId, String amount) {
    }

    public record Candidate(UUID invoiceId, String invoiceNumber, String customerId, LocalDate dueDate,
                            String openAmount, String currency, int score, List<String> reasons) {
    }

    static PaymentResponse of(PaymentView p) {
        int scale = java.util.Currency.getInstance(p.currency()).getDefaultFractionDigits();
        return new PaymentResponse(p.id(), p.source(), p.status().name(), p.customerId(),
                p.amount().setScale(scale).toPlainString(), p.currency(), p.valueDate(), p.method().name(),
                p.payerName(), p.payerIban(), p.remittance(), p.invoiceReferences(),
                p.rule() == null ? null : p.rule().name(), p.unapplied().setScale(scale).toPlainString(), p.queueReason(),
                p.allocations().stream().map(a -> new Allocation(a.invoiceId(), a.amount().setScale(scale).toPlainString())).toList(),
                p.candidates().stream().map(c -> new Candidate(c.invoiceId(), c.invoiceNumber(), c.customerId(), c.dueDate(),
                        c.openAmount().setScale(scale).toPlainString(), c.currency(), c.score(), c.reasons())).toList());
    }
}
