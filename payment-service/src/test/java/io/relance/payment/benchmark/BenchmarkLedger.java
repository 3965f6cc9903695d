package io.relance.payment.benchmark;

import io.relance.payment.domain.CustomerNames;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.OpenItems;
import io.relance.payment.domain.PaymentAllocation;
import io.relance.payment.domain.ReferenceKeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The whole read model in memory, answering the engine's lookups as payment-service's queries do (named invoices
 * even when settled, a customer's issued invoices, at most {@code limit} open invoices of an amount, oldest due
 * first), and changing as matches are applied and IBANs learnt, as CashApplier does after each decision.
 */
final class BenchmarkLedger implements OpenItems {

    private final Map<UUID, OpenItem> items = new LinkedHashMap<>();
    private final Map<String, List<UUID>> byKey = new HashMap<>();
    private final Map<String, List<UUID>> byCustomer = new HashMap<>();
    private final Map<Money, Set<UUID>> openByAmount = new HashMap<>();
    private final Map<String, Set<String>> customersByIban = new HashMap<>();
    private final Map<String, Set<String>> customersByName = new HashMap<>();
    private final Map<String, String> nameOfCustomer = new HashMap<>();

    void add(OpenItem item) {
        items.put(item.invoiceId(), item);
        ReferenceKeys.ofInvoiceNumber(item.invoiceNumber())
                .forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item.invoiceId()));
        byCustomer.computeIfAbsent(item.customerId(), k -> new ArrayList<>()).add(item.invoiceId());
        openByAmount.computeIfAbsent(item.openAmount(), k -> new LinkedHashSet<>()).add(item.invoiceId());
    }

    void knowIban(String iban, String customerId) {
        customersByIban.computeIfAbsent(iban, k -> new TreeSet<>()).add(customerId);
    }

    void knowName(String legalName, String customerId) {
        String normalized = CustomerNames.normalize(legalName);
        if (!normalized.isEmpty()) {
            customersByName.computeIfAbsent(normalized, k -> new TreeSet<>()).add(customerId);
            nameOfCustomer.put(customerId, normalized);
        }
    }

    OpenItem item(UUID invoiceId) {
        return items.get(invoiceId);
    }

    /** What CashApplier stores for a match: lower the balances, remember the payer's IBAN. */
    void settle(List<PaymentAllocation> allocations, String payerIban, String customerId) {
        for (PaymentAllocation allocation : allocations) {
            OpenItem before = items.get(allocation.invoiceId());
            OpenItem after = new OpenItem(before.invoiceId(), before.customerId(), before.invoiceNumber(),
                    before.dueDate(), before.openAmount().minus(allocation.amount()));
            items.put(after.invoiceId(), after);
            openByAmount.get(before.openAmount()).remove(before.invoiceId());
            if (after.openAmount().isPositive()) {
                openByAmount.computeIfAbsent(after.openAmount(), k -> new LinkedHashSet<>()).add(after.invoiceId());
            }
        }
        if (payerIban != null) {
            knowIban(payerIban, customerId);
        }
    }

    @Override
    public List<OpenItem> byReferenceKeys(Collection<String> keys) {
        Map<UUID, OpenItem> found = new LinkedHashMap<>();
        for (String key : keys) {
            byKey.getOrDefault(key, List.of()).forEach(id -> found.putIfAbsent(id, items.get(id)));
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<OpenItem> ofCustomer(String customerId) {
        return byCustomer.getOrDefault(customerId, List.of()).stream().map(items::get).toList();
    }

    @Override
    public Set<String> customersPayingFrom(String iban) {
        return Set.copyOf(customersByIban.getOrDefault(iban, Set.of()));
    }

    @Override
    public Set<String> customersNamed(String normalizedName) {
        return Set.copyOf(customersByName.getOrDefault(normalizedName, Set.of()));
    }

    @Override
    public String normalizedNameOf(String customerId) {
        return nameOfCustomer.getOrDefault(customerId, "");
    }

    @Override
    public List<OpenItem> withOpenAmount(Money amount, int limit) {
        return openByAmount.getOrDefault(amount, Set.of()).stream().map(items::get)
                .sorted(Comparator.comparing(OpenItem::dueDate)).limit(limit).toList();
    }
}
