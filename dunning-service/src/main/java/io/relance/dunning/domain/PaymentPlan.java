package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Instalments that replace the invoice's schedule: dunning waits while each is paid by its date plus the grace
 * days, and resumes when one is missed.
 */
public record PaymentPlan(LocalDate agreedOn, List<Instalment> instalments, Money openWhenAgreed, int graceDays) {

    public PaymentPlan {
        instalments = List.copyOf(instalments);
    }

    /** Validates a plan agreed on {@code today} for an invoice open for {@code open}. */
    public static PaymentPlan agree(LocalDate today, List<Instalment> instalments, Money open, int graceDays) {
        if (instalments == null || instalments.isEmpty()) {
            throw new DunningRuleViolation("instalments", "must hold at least one instalment");
        }
        Money total = Money.zero(open.currency());
        for (int i = 0; i < instalments.size(); i++) {
            Instalment instalment = instalments.get(i);
            String field = "instalments[" + i + "]";
            if (!instalment.amount().isPositive()) {
                throw new DunningRuleViolation(field + ".amount", "must be positive");
            }
            if (!instalment.amount().currency().equals(open.currency())) {
                throw new DunningRuleViolation(field + ".currency", "must be the invoice's, " + open.currency());
            }
            if (instalment.dueOn().isBefore(today)) {
                throw new DunningRuleViolation(field + ".dueOn", "must not be in the past (today is " + today + ")");
            }
            if (i > 0 && !instalment.dueOn().isAfter(instalments.get(i - 1).dueOn())) {
                throw new DunningRuleViolation(field + ".dueOn", "must be after the previous instalment's");
            }
            total = total.plus(instalment.amount());
        }
        if (total.amount().compareTo(open.amount()) != 0) {
            throw new DunningRuleViolation("instalments", "must add up to the open balance " + open.amount()
                    + " " + open.currency() + "; they add up to " + total.amount());
        }
        if (graceDays < 0) {
            throw new DunningRuleViolation("graceDays", "must not be negative");
        }
        return new PaymentPlan(today, instalments, open, graceDays);
    }

    /** The first instalment the payments so far do not cover. */
    public Optional<Instalment> firstUncoveredInstalment(Money open) {
        Money paid = openWhenAgreed.minus(open);
        Money due = Money.zero(open.currency());
        for (Instalment instalment : instalments) {
            due = due.plus(instalment.amount());
            if (paid.isLessThan(due)) {
                return Optional.of(instalment);
            }
        }
        return Optional.empty();
    }

    /** The first instalment past its date and grace days that the payments so far do not cover. */
    public Optional<Instalment> missedOn(LocalDate day, Money open) {
        Money paid = openWhenAgreed.minus(open);
        Money due = Money.zero(open.currency());
        for (Instalment instalment : instalments) {
            due = due.plus(instalment.amount());
            if (day.isAfter(instalment.dueOn().plusDays(graceDays)) && paid.isLessThan(due)) {
                return Optional.of(instalment);
            }
        }
        return Optional.empty();
    }
}
