package io.relance.payment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What cash application may look up about customers and their open invoices. */
public interface OpenItems {

    /** Open items one of whose {@link ReferenceKeys} is among {@code keys}. */
    List<OpenItem> byReferenceKeys(Collection<String> keys);

    /** The customer's open items, in every currency. */
    List<OpenItem> ofCustomer(String customerId);

    /** Customers already known to pay from this IBAN. */
    Set<String> customersPayingFrom(String iban);

    /** Customers whose normalised legal name is {@code normalizedName} (see {@link CustomerNames}). */
    Set<String> customersNamed(String normalizedName);

    /** The customer's normalised legal name (see {@link CustomerNames}); blank when customer-profiles has not told it. */
    String normalizedNameOf(String customerId);

    /** Open items of any customer whose open amount is exactly {@code amount}, at most {@code limit}. */
    List<OpenItem> withOpenAmount(Money amount, int limit);
}
