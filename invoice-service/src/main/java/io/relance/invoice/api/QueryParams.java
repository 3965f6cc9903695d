package io.relance.invoice.api;

import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Reads query parameters so that a bad value is answered with a problem naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvoiceRuleViolation(name, "must be an ISO date such as 2026-04-01, got '" + value + "'");
        }
    }

    static BigDecimal amount(String name, String value) {
        try {
            BigDecimal amount = value == null || value.isBlank() ? null : new BigDecimal(value);
            if (amount != null && amount.precision() - amount.scale() > Money.MAX_INTEGER_DIGITS) {
                throw new InvoiceRuleViolation(name, "must have at most " + Money.MAX_INTEGER_DIGITS
                        + " digits before the decimal point");
            }
            return amount;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvoiceRuleViolation(name, "must be a decimal number such as 1200.50, got '" + value + "'");
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvoiceRuleViolation(name, "must be true or false, got '" + value + "'");
        }
        return Boolean.valueOf(value);
    }

    static <E extends Enum<E>> E enumeration(Class<E> type, String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvoiceRuleViolation(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
