package io.relance.payment.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A collector's match or split of a payment over invoices, checked against what is open. */
public final class ManualMatch {

    private ManualMatch() {
    }

    /**
     * The match as requested, or a violation naming the allocation and the rule it breaks; what is not allocated
     * stays as unapplied credit of the invoices' customer.
     */
    public static MatchDecision.Matched decide(Money paid, List<OpenItem> items, List<PaymentAllocation> requested) {
        if (requested.isEmpty()) {
            throw new PaymentRuleViolation("allocations", "must name at least one invoice");
        }
        Map<UUID, OpenItem> byId = items.stream().collect(Collectors.toMap(OpenItem::invoiceId, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        String customer = null;
        Money total = Money.zero(paid.currency());
        for (int i = 0; i < requested.size(); i++) {
            PaymentAllocation allocation = requested.get(i);
            String field = "allocations[" + i + "]";
            OpenItem item = byId.get(allocation.invoiceId());
            if (item == null) {
                throw new PaymentRuleViolation(field + ".invoiceId", "must be an issued invoice known to payment-service");
            }
            if (!seen.add(item.invoiceId())) {
                throw new PaymentRuleViolation(field + ".invoiceId", "must not appear twice");
            }
            if (customer != null && !customer.equals(item.customerId())) {
                throw new PaymentRuleViolation(field + ".invoiceId", "must belong to the same customer as the other invoices");
            }
            customer = item.customerId();
            if (!item.openAmount().sameCurrencyAs(paid) || !allocation.amount().sameCurrencyAs(paid)) {
                throw new PaymentRuleViolation(field + ".invoiceId", "must be in the payment's currency " + paid.code());
            }
            if (allocation.amount().compareTo(item.openAmount()) > 0) {
                throw new PaymentRuleViolation(field + ".amount", "must not exceed the open amount " + item.openAmount());
            }
            total = total.plus(allocation.amount());
        }
        if (total.compareTo(paid) > 0) {
            throw new PaymentRuleViolation("allocations", "must not add up to more than the payment " + paid);
        }
        return new MatchDecision.Matched(customer, MatchRule.MANUAL, requested, paid.minus(total));
    }
}
