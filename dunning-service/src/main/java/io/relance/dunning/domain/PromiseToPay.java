package io.relance.dunning.domain;

import java.time.LocalDate;

/**
 * The debtor promised to pay {@code amount} by {@code payBy}; dunning waits until then plus the grace days.
 *
 * @param openWhenPromised the invoice's open amount when the promise was made, to tell whether the money came
 */
public record PromiseToPay(LocalDate promisedOn, LocalDate payBy, Money amount, Money openWhenPromised, int graceDays) {

    /** Validates a promise made on {@code today} for an invoice open for {@code open}. */
    public static PromiseToPay make(LocalDate today, LocalDate payBy, Money amount, Money open, int graceDays) {
        if (payBy == null || payBy.isBefore(today)) {
            throw new DunningRuleViolation("payBy", "must not be in the past (today is " + today + ")");
        }
        if (!amount.isPositive()) {
            throw new DunningRuleViolation("amount", "must be positive");
        }
        if (open.isLessThan(amount)) {
            throw new DunningRuleViolation("amount", "must not exceed the open amount " + open.amount());
        }
        if (graceDays < 0) {
            throw new DunningRuleViolation("graceDays", "must not be negative");
        }
        return new PromiseToPay(today, payBy, amount, open, graceDays);
    }

    public boolean isKept(Money open) {
        return !openWhenPromised.minus(amount).isLessThan(open);
    }

    public boolean isBrokenOn(LocalDate day, Money open) {
        return day.isAfter(payBy.plusDays(graceDays)) && !isKept(open);
    }
}
