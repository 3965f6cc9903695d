package io.relance.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's account as of a business date: its open items and, per currency, the balance, the overdue amount and
 * the aging buckets (not due, 1-30, 31-60, 61-90, more than 90 days past the due date).
 */
public record AccountStatement(String customerId, LocalDate asOf, List<Invoice> openItems, List<Totals> totals) {

    public record Totals(Currency currency, Money balance, Money overdue, Money notDue, Money days1To30,
                         Money days31To60, Money days61To90, Money over90Days) {
    }

    /** {@code invoices}: the customer's invoices; those with nothing open are left out. */
    public static AccountStatement of(String customerId, List<Invoice> invoices, LocalDate asOf) {
        List<Invoice> open = invoices.stream().filter(invoice -> invoice.openAmount().amount().signum() != 0)
                .filter(invoice -> !invoice.issueDate().isAfter(asOf)).toList();
        Map<String, List<Invoice>> byCurrency = new TreeMap<>();
        open.forEach(invoice -> byCurrency.computeIfAbsent(invoice.amount().currency().getCurrencyCode(),
                code -> new ArrayList<>()).add(invoice));
        List<Totals> totals = byCurrency.entrySet().stream()
                .map(entry -> totals(Currency.getInstance(entry.getKey()), entry.getValue(), asOf)).toList();
        return new AccountStatement(customerId, asOf, open, totals);
    }

    private static Totals totals(Currency currency, List<Invoice> invoices, LocalDate asOf) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Invoice invoice : invoices) {
            long late = ChronoUnit.DAYS.between(invoice.dueDate(), asOf);
            int bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
            buckets[bucket] = buckets[bucket].add(invoice.openAmount().amount());
        }
        BigDecimal overdue = buckets[1].add(buckets[2]).add(buckets[3]).add(buckets[4]);
        return new Totals(currency, money(overdue.add(buckets[0]), currency), money(overdue, currency),
                money(buckets[0], currency), money(buckets[1], currency), money(buckets[2], currency),
                money(buckets[3], currency), money(buckets[4], currency));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }
}
