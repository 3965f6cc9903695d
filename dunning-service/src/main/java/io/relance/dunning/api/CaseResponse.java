package io.relance.dunning.api;

import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.ManualHold;
import io.relance.dunning.domain.PaymentPlan;
import io.relance.dunning.domain.PromiseToPay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The dunning of one invoice as collectors see it. */
public record CaseResponse(UUID caseId, UUID invoiceId, String customerId, String invoiceNumber, LocalDate dueDate,
                           BigDecimal openAmount, String currency, int lastStepIndex, boolean disputed,
                           Promise promise, List<Instalment> plan, Hold exclusion, String closure) {

    public record Promise(LocalDate payBy, BigDecimal amount, int graceDays) {
    }

    public record Instalment(LocalDate dueOn, BigDecimal amount) {
    }

    public record Hold(String reason, LocalDate startsOn, LocalDate endsOn) {
    }

    static CaseResponse of(DunningCase c) {
        return new CaseResponse(c.caseId(), c.invoiceId(), c.customerId(), c.invoice().invoiceNumber(),
                c.invoice().dueDate(), c.openAmount().amount(), c.currency().getCurrencyCode(), c.lastStepIndex(),
                c.isDisputed(), c.promise().map(CaseResponse::promise).orElse(null),
                c.plan().map(CaseResponse::plan).orElse(null), c.exclusion().map(CaseResponse::hold).orElse(null),
                c.closure().map(Enum::name).orElse(null));
    }

    private static Promise promise(PromiseToPay p) {
        return new Promise(p.payBy(), p.amount().amount(), p.graceDays());
    }

    private static List<Instalment> plan(PaymentPlan plan) {
        return plan.instalments().stream().map(i -> new Instalment(i.dueOn(), i.amount().amount())).toList();
    }

    static Hold hold(ManualHold h) {
        return new Hold(h.reason(), h.startsOn(), h.endsOn());
    }
}
