package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new DunningRuleViolation("amount", "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals in " + currency.getCurrencyCode());
        }
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isLessThan(Money other) {
        return amount.compareTo(sameCurrency(other).amount) < 0;
    }

    public Money atLeastZero() {
        return amount.signum() < 0 ? zero(currency) : this;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new DunningRuleViolation("currency", "must be " + currency + ", not " + other.currency);
        }
        return other;
    }
}
