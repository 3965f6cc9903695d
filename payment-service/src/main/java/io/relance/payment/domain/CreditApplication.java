package io.relance.payment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A collector applies a customer's unapplied credit (the unallocated parts of its matched payments) to one of its
 * later invoices: the oldest credit is used first, never more than the invoice still owes, never across currencies.
 */
public final class CreditApplication {

    /** The unapplied part of one matched payment of the customer. */
    public record Credit(UUID paymentId, LocalDate valueDate, Money unapplied) {
    }

    /** How much of one payment's credit goes to the invoice. */
    public record Use(UUID paymentId, Money amount) {
    }

    private CreditApplication() {
    }

    /**
     * @param requested how much to apply; null for as much as the credit and the invoice allow
     * @throws PaymentRuleViolation naming the field when the invoice is not the customer's open invoice, or the amount
     *     exceeds what it owes or the credit in its currency
     */
    public static List<Use> apply(String customerId, OpenItem invoice, List<Credit> credits, Money requested) {
        if (invoice == null || !invoice.customerId().equals(customerId) || !invoice.openAmount().isPositive()) {
            throw new PaymentRuleViolation("invoiceId", "must be an open invoice of customer " + customerId);
        }
        Money owed = invoice.openAmount();
        List<Credit> usable = credits.stream()
                .filter(c -> c.unapplied().sameCurrencyAs(owed) && c.unapplied().isPositive())
                .sorted(Comparator.comparing(Credit::valueDate).thenComparing(Credit::paymentId))
                .toList();
        Money available = usable.stream().map(Credit::unapplied).reduce(Money::plus).orElse(Money.zero(owed.currency()));
        if (!available.isPositive()) {
            throw new PaymentRuleViolation("invoiceId", "the customer has no unapplied credit in " + owed.code());
        }
        Money target = requested == null ? available.min(owed) : requested;
        if (requested != null) {
            if (!requested.sameCurrencyAs(owed)) {
                throw new PaymentRuleViolation("amount", "must be in the invoice's currency, " + owed.code());
            }
            if (!requested.isPositive()) {
                throw new PaymentRuleViolation("amount", "must be positive");
            }
            if (requested.compareTo(owed) > 0) {
                throw new PaymentRuleViolation("amount", "must be at most the invoice's open amount, " + owed.amount());
            }
            if (requested.compareTo(available) > 0) {
                throw new PaymentRuleViolation("amount", "must be at most the customer's unapplied credit, " + available.amount());
            }
        }
        List<Use> uses = new ArrayList<>();
        Money left = target;
        for (Credit credit : usable) {
            if (!left.isPositive()) {
                break;
            }
            Money taken = left.min(credit.unapplied());
            uses.add(new Use(credit.paymentId(), taken));
            left = left.minus(taken);
        }
        return uses;
    }
}
