package io.relance.contracts.customer;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where letters to the customer are sent.
 *
 * @param lines street lines, in print order, at least one
 * @param postalCode null in countries without postal codes
 * @param countryCode ISO 3166-1 alpha-2 code, for example {@code FR}
 */
public record PostalAddress(List<String> lines, String postalCode, String city, String countryCode) {

    public PostalAddress {
        lines = List.copyOf(requireNonNull(lines, "lines"));
        requireNonNull(city, "city");
        requireNonNull(countryCode, "countryCode");
    }
}
