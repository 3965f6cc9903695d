package io.relance.payment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Cash application: decides which open invoices a payment settles, in this order: invoices named in the
 * remittance; the one open invoice of the known payer with exactly the paid amount; the one set of its open
 * invoices adding up to it; for a payer known by IBAN, its invoices oldest due first with any excess as unapplied
 * credit. Anything less certain is queued with ranked candidates: a wrong match is worse than none. Invoices in
 * another currency than the payment are never applied. An unknown payer's reference counts only when its name (if
 * any) is the named customer's; an exact amount counts only when no set of invoices adds up to it as well.
 */
public final class CashApplication {

    static final int MAX_CANDIDATES = 5;
    private static final int SAME_AMOUNT_LOOKUPS = 20;
    static final Comparator<OpenItem> OLDEST_DUE_FIRST =
            Comparator.comparing(OpenItem::dueDate).thenComparing(OpenItem::invoiceNumber);

    private record Payer(Set<String> customers, boolean byIban) {

        String onlyCustomer() {
            return customers.size() == 1 ? customers.iterator().next() : null;
        }
    }

    public MatchDecision match(IncomingPayment payment, OpenItems openItems) {
        Payer payer = identify(payment, openItems);
        List<OpenItem> named = openItems.byReferenceKeys(ReferenceKeys.inText(payment.referenceText()));
        if (!named.isEmpty()) {
            return byReference(payment, payer, named, openItems);
        }
        String customer = payer.onlyCustomer();
        if (customer == null) {
            return queue(payer.customers().isEmpty()
                    ? "no invoice named and the payer is unknown"
                    : "no invoice named and the payer's IBAN or name fits several customers", payment, payer, named, openItems);
        }
        List<OpenItem> own = openInCurrency(openItems.ofCustomer(customer), payment.amount());
        List<OpenItem> sameAmount = own.stream().filter(i -> i.openAmount().compareTo(payment.amount()) == 0).toList();
        if (sameAmount.size() == 1) {
            if (SubsetSearch.of(own, payment.amount()).outcome() != SubsetSearch.Outcome.NONE) {
                return queue("one open invoice of the payer and a set of its open invoices both have this amount",
                        payment, payer, named, openItems);
            }
            return new MatchDecision.Matched(customer, MatchRule.EXACT_AMOUNT,
                    List.of(new PaymentAllocation(sameAmount.get(0).invoiceId(), payment.amount())),
                    Money.zero(payment.amount().currency()));
        }
        if (sameAmount.size() > 1) {
            return queue("several open invoices of the payer have exactly this amount", payment, payer, named, openItems);
        }
        SubsetSearch.Result sum = SubsetSearch.of(own, payment.amount());
        if (sum.outcome() == SubsetSearch.Outcome.UNIQUE) {
            return oldestDueFirst(customer, MatchRule.SUM_OF_INVOICES, sum.items(), payment.amount());
        }
        if (sum.outcome() == SubsetSearch.Outcome.AMBIGUOUS) {
            return queue("several sets of the payer's open invoices add up to this amount", payment, payer, named, openItems);
        }
        if (payer.byIban()) {
            return oldestDueFirst(customer, MatchRule.OLDEST_DUE_FIRST, own, payment.amount());
        }
        return queue("the payer is known by name only and no set of its open invoices has this amount",
                payment, payer, named, openItems);
    }

    private MatchDecision byReference(IncomingPayment payment, Payer payer, List<OpenItem> named, OpenItems openItems) {
        Set<String> namedCustomers = named.stream().map(OpenItem::customerId).collect(Collectors.toCollection(TreeSet::new));
        String payerCustomer = payer.onlyCustomer();
        String customer = payerCustomer;
        List<OpenItem> mine = named;
        if (payerCustomer != null) {
            mine = named.stream().filter(i -> i.customerId().equals(payerCustomer)).toList();
            if (mine.isEmpty()) {
                OpenItem meant = mistypedOwnInvoice(payment, payerCustomer, named, openItems);
                if (meant != null) {
                    return new MatchDecision.Matched(payerCustomer, MatchRule.INVOICE_REFERENCE,
                            List.of(new PaymentAllocation(meant.invoiceId(), payment.amount())),
                            Money.zero(payment.amount().currency()));
                }
                return queue("the remittance names invoices of another customer than the payer's", payment, payer, named, openItems);
            }
        } else if (namedCustomers.size() > 1) {
            return queue("the remittance names invoices of several customers", payment, payer, named, openItems);
        } else {
            customer = namedCustomers.iterator().next();
            // A one-digit typo in a number names somebody else's invoice; the payer's name then gives it away.
            if (!namesAgree(payment.payerName(), openItems.normalizedNameOf(customer))) {
                return queue("the payer is unknown and its name is not that of the customer whose invoices are named",
                        payment, payer, named, openItems);
            }
        }
        if (mine.stream().anyMatch(i -> !i.openAmount().sameCurrencyAs(payment.amount()))) {
            return queue("a named invoice is in another currency than the payment", payment, payer, named, openItems);
        }
        List<String> settled = mine.stream().filter(i -> !i.openAmount().isPositive()).map(OpenItem::invoiceNumber).toList();
        if (!settled.isEmpty()) {
            return queue("the remittance names invoices already settled (" + String.join(", ", settled)
                    + "): possibly a duplicate payment", payment, payer, named, openItems);
        }
        return oldestDueFirst(customer, MatchRule.INVOICE_REFERENCE, mine, payment.amount());
    }

    /**
     * The payer's one open invoice of exactly the paid amount, when its number is one typo (a swapped, missing, extra
     * or wrong character) away from a number the remittance names: the payer meant its own invoice. Null otherwise.
     */
    private static OpenItem mistypedOwnInvoice(IncomingPayment payment, String customer, List<OpenItem> named,
                                               OpenItems openItems) {
        List<OpenItem> sameAmount = openInCurrency(openItems.ofCustomer(customer), payment.amount()).stream()
                .filter(i -> i.openAmount().compareTo(payment.amount()) == 0).toList();
        if (sameAmount.size() != 1) {
            return null;
        }
        OpenItem own = sameAmount.get(0);
        boolean nearANamedNumber = named.stream()
                .anyMatch(n -> ReferenceKeys.oneTypoApart(n.invoiceNumber(), own.invoiceNumber()));
        return nearANamedNumber ? own : null;
    }

    /** Agree when either name is unknown, or one is the other cut short (banks truncate payer names). */
    static boolean namesAgree(String payerName, String customerNormalizedName) {
        String payer = CustomerNames.normalize(payerName);
        if (payer.isEmpty() || customerNormalizedName.isEmpty()) {
            return true;
        }
        return customerNormalizedName.startsWith(payer) || payer.startsWith(customerNormalizedName);
    }

    private static Payer identify(IncomingPayment payment, OpenItems openItems) {
        if (payment.payerIban() != null) {
            Set<String> byIban = openItems.customersPayingFrom(payment.payerIban());
            if (!byIban.isEmpty()) {
                return new Payer(byIban, true);
            }
        }
        String name = CustomerNames.normalize(payment.payerName());
        return new Payer(name.isEmpty() ? Set.of() : openItems.customersNamed(name), false);
    }

    private static List<OpenItem> openInCurrency(List<OpenItem> items, Money amount) {
        return items.stream().filter(i -> i.openAmount().sameCurrencyAs(amount) && i.openAmount().isPositive())
                .sorted(OLDEST_DUE_FIRST).toList();
    }

    /** Settles the items oldest due first as far as the amount goes; what is left over is unapplied credit. */
    static MatchDecision.Matched oldestDueFirst(String customer, MatchRule rule, List<OpenItem> items, Money amount) {
        List<PaymentAllocation> allocations = new ArrayList<>();
        Money left = amount;
        for (OpenItem item : items.stream().sorted(OLDEST_DUE_FIRST).toList()) {
            if (!left.isPositive()) {
                break;
            }
            Money applied = left.min(item.openAmount());
            allocations.add(new PaymentAllocation(item.invoiceId(), applied));
            left = left.minus(applied);
        }
        return new MatchDecision.Matched(customer, rule, allocations, left);
    }

    private static MatchDecision.Unmatched queue(String reason, IncomingPayment payment, Payer payer, List<OpenItem> named,
                                                 OpenItems openItems) {
        Map<UUID, OpenItem> pool = new LinkedHashMap<>();
        named.forEach(i -> pool.putIfAbsent(i.invoiceId(), i));
        payer.customers().forEach(c -> openItems.ofCustomer(c).stream().filter(i -> i.openAmount().isPositive())
                .forEach(i -> pool.putIfAbsent(i.invoiceId(), i)));
        openItems.withOpenAmount(payment.amount(), SAME_AMOUNT_LOOKUPS).forEach(i -> pool.putIfAbsent(i.invoiceId(), i));
        Set<UUID> namedIds = named.stream().map(OpenItem::invoiceId).collect(Collectors.toSet());
        List<MatchDecision.Candidate> ranked = pool.values().stream()
                .map(item -> score(item, payment, payer, namedIds.contains(item.invoiceId())))
                .sorted(Comparator.comparingInt(MatchDecision.Candidate::score).reversed()
                        .thenComparing(MatchDecision.Candidate::item, OLDEST_DUE_FIRST))
                .limit(MAX_CANDIDATES)
                .toList();
        return new MatchDecision.Unmatched(reason, ranked);
    }

    private static MatchDecision.Candidate score(OpenItem item, IncomingPayment payment, Payer payer, boolean named) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (named) {
            score += 50;
            reasons.add("named in the remittance");
        }
        if (payer.customers().contains(item.customerId())) {
            score += 30;
            reasons.add(payer.byIban() ? "invoice of the customer paying from this IBAN" : "invoice of the customer with the payer's name");
        }
        if (!item.openAmount().sameCurrencyAs(payment.amount())) {
            score -= 100;
            reasons.add("in " + item.openAmount().code() + ", the payment is in " + payment.amount().code());
        } else if (!item.openAmount().isPositive()) {
            score -= 20;
            reasons.add("already settled");
        } else if (item.openAmount().compareTo(payment.amount()) == 0) {
            score += 30;
            reasons.add("open amount equals the payment");
        } else if (item.openAmount().compareTo(payment.amount()) > 0) {
            score += 5;
            reasons.add("open amount exceeds the payment: a partial payment?");
        }
        return new MatchDecision.Candidate(item, score, reasons);
    }
}
