package io.relance.notification.domain;

import java.util.ArrayList;
import java.util.List;

/** Where letters go: street lines in print order, then postal code and city, then the country. */
public record PostalAddress(List<String> lines, String postalCode, String city, String countryCode) {

    public PostalAddress {
        lines = List.copyOf(lines);
    }

    /** The lines printed in a letter's address window (the country only when abroad from France). */
    public List<String> printedLines() {
        List<String> printed = new ArrayList<>(lines);
        printed.add(postalCode == null ? city : postalCode + " " + city);
        if (!"FR".equalsIgnoreCase(countryCode)) {
            printed.add(countryCode);
        }
        return printed;
    }
}
