package io.relance.invoice.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in one currency, with no more decimals than the currency has. */
public record Money(BigDecimal amount, Currency currency) {

    /** What NUMERIC(19, 4) stores. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvoiceRuleViolation("amount", "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvoiceRuleViolation("amount", "must have at most " + currency.getDefaultFractionDigits()
                    + " decimals in " + currency.getCurrencyCode());
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    /** Parses an ISO-4217 code, naming the field when it is not one. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvoiceRuleViolation("currency", "must be an ISO-4217 code of three capital letters");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvoiceRuleViolation("currency", "must be an ISO-4217 code; '" + code + "' is not one");
        }
    }

    public boolean isPositive() {
        return amount.signum() > 0;
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

    public boolean isGreaterThan(Money other) {
        return amount.compareTo(sameCurrency(other).amount) > 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvoiceRuleViolation("currency", "must be " + currency.getCurrencyCode() + ", the invoice's currency");
        }
        return other;
    }
}
