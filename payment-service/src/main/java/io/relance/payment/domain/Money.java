package io.relance.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new PaymentRuleViolation("amount", "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals in " + currency.getCurrencyCode());
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses an ISO-4217 code, naming the field when it is not one. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new PaymentRuleViolation("currency", "must be an ISO-4217 code of three capital letters");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new PaymentRuleViolation("currency", "must be an ISO-4217 code; '" + code + "' is not one");
        }
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) <= 0 ? this : other;
    }

    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public String code() {
        return currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            // Amounts in two currencies are never added: a caller reaching this has skipped the currency check.
            throw new IllegalArgumentException("cannot combine " + code() + " with " + other.code());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + code();
    }
}
