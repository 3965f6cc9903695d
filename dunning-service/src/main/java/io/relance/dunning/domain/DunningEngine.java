package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for one customer on one business day, which step each open invoice takes. Deterministic: the same
 * facts on the same day give the same run. A step is only ever taken after the last one taken, and an invoice
 * that reached several steps at once takes only the last of them.
 */
public final class DunningEngine {

    private final FrenchBusinessCalendar calendar;
    private final LatePaymentCharges charges;

    public DunningEngine(FrenchBusinessCalendar calendar, LatePaymentCharges charges) {
        this.calendar = calendar;
        this.charges = charges;
    }

    private record Decision(DunningCase dunningCase, int stepIndex, EscalationReason reason) {
    }

    private record StatementKey(int stepIndex, Currency currency) {
    }

    public DunningRun evaluate(Debtor debtor, Policy policy, Collection<DunningCase> cases, LocalDate today) {
        List<DunningCase> endedPromises = new ArrayList<>();
        if (debtor.isInsolvent() || debtor.isPausedOn(today)
                || (!policy.sendsOnNonBusinessDays() && !calendar.isBusinessDay(today))) {
            return new DunningRun(today, List.of(), List.of(), List.of(), List.of());
        }
        List<Decision> decisions = new ArrayList<>();
        for (DunningCase dunningCase : sortedById(cases)) {
            if (!dunningCase.isIssued() || dunningCase.isClosed() || dunningCase.isExcludedOn(today)
                    || dunningCase.isDisputed() || dunningCase.isAwaitingCredit()) {
                continue;
            }
            int reached = policy.stepReachedOn(today, dunningCase.invoice().dueDate(), calendar);
            int next = dunningCase.lastStepIndex() + 1;
            Money open = dunningCase.openAmount();
            if (dunningCase.plan().isPresent()) {
                if (dunningCase.plan().get().missedOn(today, open).isPresent()) {
                    decisions.add(new Decision(dunningCase, Math.max(next, reached), EscalationReason.MISSED_INSTALMENT));
                }
                continue;
            }
            if (dunningCase.promise().isPresent()) {
                PromiseToPay promise = dunningCase.promise().get();
                if (promise.isBrokenOn(today, open)) {
                    if (policy.hasStep(Math.max(next, reached))) {
                        decisions.add(new Decision(dunningCase, Math.max(next, reached), EscalationReason.BROKEN_PROMISE));
                    } else {
                        endedPromises.add(dunningCase);
                    }
                    continue;
                }
                if (!promise.isKept(open)) {
                    continue;
                }
                endedPromises.add(dunningCase);
            }
            if (reached >= next) {
                decisions.add(new Decision(dunningCase, reached, EscalationReason.SCHEDULE));
            }
        }
        return toRun(debtor, policy, today, debtor.contractRate().orElse(null), decisions, endedPromises);
    }

    /**
     * The first day after {@code after} on which {@link #evaluate} may decide something for this customer, or
     * empty when only a new fact can (an open dispute, an open-ended hold, insolvency, the last step taken).
     */
    public Optional<LocalDate> nextActionOn(Debtor debtor, Policy policy, Collection<DunningCase> cases,
                                            LocalDate after) {
        if (debtor.isInsolvent() || debtor.pause().map(p -> p.endsOn() == null && !p.startsOn().isAfter(after.plusDays(1)))
                .orElse(false)) {
            return Optional.empty();
        }
        LocalDate earliest = after.plusDays(1);
        if (debtor.isPausedOn(earliest)) {
            earliest = debtor.pause().orElseThrow().endsOn().plusDays(1);
        }
        LocalDate next = null;
        for (DunningCase dunningCase : cases) {
            Optional<LocalDate> candidate = firstDayOfInterest(dunningCase, policy, earliest);
            if (candidate.isPresent() && (next == null || candidate.get().isBefore(next))) {
                next = candidate.get();
            }
        }
        return Optional.ofNullable(next)
                .map(day -> policy.sendsOnNonBusinessDays() ? day : calendar.onOrAfter(day));
    }

    private Optional<LocalDate> firstDayOfInterest(DunningCase dunningCase, Policy policy, LocalDate earliest) {
        if (!dunningCase.isIssued() || dunningCase.isClosed() || dunningCase.isDisputed()
                || dunningCase.isAwaitingCredit()) {
            return Optional.empty();
        }
        Optional<ManualHold> exclusion = dunningCase.exclusion().filter(h -> h.isActiveOn(earliest));
        if (exclusion.isPresent() && exclusion.get().endsOn() == null) {
            return Optional.empty();
        }
        LocalDate from = exclusion.map(h -> h.endsOn().plusDays(1)).orElse(earliest);
        Money open = dunningCase.openAmount();
        LocalDate day;
        if (dunningCase.plan().isPresent()) {
            PaymentPlan plan = dunningCase.plan().get();
            day = plan.firstUncoveredInstalment(open).map(i -> i.dueOn().plusDays(plan.graceDays() + 1L)).orElse(null);
        } else if (dunningCase.promise().filter(p -> !p.isKept(open)).isPresent()) {
            PromiseToPay promise = dunningCase.promise().get();
            day = promise.payBy().plusDays(promise.graceDays() + 1L);
        } else if (dunningCase.promise().isPresent()) {
            day = from;
        } else {
            int next = dunningCase.lastStepIndex() + 1;
            day = policy.hasStep(next) ? policy.dateOf(next, dunningCase.invoice().dueDate(), calendar) : null;
        }
        return Optional.ofNullable(day).map(d -> d.isBefore(from) ? from : d);
    }

    private DunningRun toRun(Debtor debtor, Policy policy, LocalDate today, BigDecimal contractRate,
                             List<Decision> decisions, List<DunningCase> endedPromises) {
        List<StepTaken> steps = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        Map<StatementKey, List<ReminderLine>> statements = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            if (!policy.hasStep(decision.stepIndex())) {
                continue;
            }
            DunningCase dunningCase = decision.dunningCase();
            PolicyStep step = policy.step(decision.stepIndex());
            Money open = dunningCase.openAmount();
            boolean belowMinimum = step.minimumAmount() != null
                    && open.amount().compareTo(step.minimumAmount()) < 0;
            steps.add(new StepTaken(dunningCase, decision.stepIndex(), decision.reason(), belowMinimum));
            if (belowMinimum) {
                continue;
            }
            if (step.isHandOver() || decision.reason() != EscalationReason.SCHEDULE) {
                Integer from = dunningCase.lastStepIndex() < 0 ? null : dunningCase.lastStepIndex();
                // The agency claims what is owed on the day it takes the file over, charges included.
                Money interest = step.isHandOver()
                        ? charges.lateInterest(open, dunningCase.invoice().dueDate(), today, contractRate) : null;
                Money indemnity = step.isHandOver()
                        ? charges.recoveryIndemnity(open.currency()).orElse(null) : null;
                escalations.add(new Escalation(dunningCase.caseId(), debtor.customerId(), dunningCase.invoiceId(),
                        from, decision.stepIndex(), decision.reason(), today, step.isHandOver(), open, interest,
                        indemnity));
            }
            if (!step.isHandOver()) {
                statements.computeIfAbsent(new StatementKey(decision.stepIndex(), dunningCase.currency()),
                        k -> new ArrayList<>()).add(line(dunningCase, step, today, contractRate));
            }
        }
        List<Reminder> reminders = new ArrayList<>();
        statements.forEach((key, lines) -> reminders.add(Reminder.of(debtor.customerId(), policy, key.stepIndex(),
                today, key.currency(), lines, responseDeadline(policy.step(key.stepIndex()), today))));
        reminders.sort(Comparator.comparingInt(Reminder::stepIndex).thenComparing(r -> r.currency().getCurrencyCode()));
        return new DunningRun(today, reminders, escalations, steps, endedPromises);
    }

    private ReminderLine line(DunningCase dunningCase, PolicyStep step, LocalDate today, BigDecimal contractRate) {
        DunningCase.InvoiceDetails invoice = dunningCase.invoice();
        Money open = dunningCase.openAmount();
        Money interest = step.claims(Charge.LATE_INTEREST)
                ? charges.lateInterest(open, invoice.dueDate(), today, contractRate) : null;
        Money indemnity = step.claims(Charge.RECOVERY_INDEMNITY)
                ? charges.recoveryIndemnity(open.currency()).orElse(null) : null;
        return new ReminderLine(dunningCase.caseId(), dunningCase.invoiceId(), invoice.invoiceNumber(),
                invoice.issueDate(), invoice.dueDate(), open, interest, indemnity);
    }

    private LocalDate responseDeadline(PolicyStep step, LocalDate today) {
        return step.responseDays() == null ? null : calendar.onOrAfter(today.plusDays(step.responseDays()));
    }

    private static List<DunningCase> sortedById(Collection<DunningCase> cases) {
        return cases.stream().sorted(Comparator.comparing(DunningCase::invoiceId)).toList();
    }
}
