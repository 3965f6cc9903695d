package io.relance.payment.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Open items held in memory and indexed for matching: what the application loads for one payment. */
public final class OpenItemsSnapshot implements OpenItems {

    private final Map<UUID, OpenItem> items = new LinkedHashMap<>();
    private final Map<String, List<OpenItem>> byKey = new HashMap<>();
    private final Map<String, List<OpenItem>> byCustomer = new HashMap<>();
    private final Map<Money, List<OpenItem>> byAmount = new HashMap<>();
    private final Map<String, Set<String>> customersByIban = new HashMap<>();
    private final Map<String, Set<String>> customersByName = new HashMap<>();
    private final Map<String, String> nameOfCustomer = new HashMap<>();

    public OpenItemsSnapshot add(OpenItem item) {
        if (items.putIfAbsent(item.invoiceId(), item) != null) {
            return this;
        }
        ReferenceKeys.ofInvoiceNumber(item.invoiceNumber())
                .forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item));
        byCustomer.computeIfAbsent(item.customerId(), k -> new ArrayList<>()).add(item);
        byAmount.computeIfAbsent(item.openAmount(), k -> new ArrayList<>()).add(item);
        return this;
    }

    public OpenItemsSnapshot knowIban(String iban, String customerId) {
        customersByIban.computeIfAbsent(iban, k -> new TreeSet<>()).add(customerId);
        return this;
    }

    public OpenItemsSnapshot knowName(String legalName, String customerId) {
        return knowNormalizedName(CustomerNames.normalize(legalName), customerId);
    }

    public OpenItemsSnapshot knowNormalizedName(String normalizedName, String customerId) {
        if (!normalizedName.isEmpty()) {
            customersByName.computeIfAbsent(normalizedName, k -> new TreeSet<>()).add(customerId);
            nameOfCustomer.put(customerId, normalizedName);
        }
        return this;
    }

    @Override
    public List<OpenItem> byReferenceKeys(Collection<String> keys) {
        Map<UUID, OpenItem> found = new LinkedHashMap<>();
        for (String key : keys) {
            byKey.getOrDefault(key, List.of()).forEach(item -> found.putIfAbsent(item.invoiceId(), item));
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<OpenItem> ofCustomer(String customerId) {
        return List.copyOf(byCustomer.getOrDefault(customerId, List.of()));
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
        return byAmount.getOrDefault(amount, List.of()).stream().limit(limit).toList();
    }
}
