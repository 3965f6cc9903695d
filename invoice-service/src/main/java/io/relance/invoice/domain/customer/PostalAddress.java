package io.relance.invoice.domain.customer;

import java.util.List;

/** Where letters go; {@code postalCode} is null in countries without postal codes. */
public record PostalAddress(List<String> lines, String postalCode, String city, String countryCode) {

    public PostalAddress {
        lines = List.copyOf(lines);
    }
}
