package io.relance.payment.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares payer names with customers' legal names, ignoring case, accents, punctuation and legal forms. */
public final class CustomerNames {

    private static final Set<String> LEGAL_FORMS = Set.of("SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCI", "GMBH",
            "AG", "KG", "LTD", "LIMITED", "PLC", "INC", "LLC", "BV", "NV", "SPA", "SRL", "SL", "STE", "SOCIETE", "ETS");

    private CustomerNames() {
    }

    /** The comparable form of a name; blank when nothing distinctive is left. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String words = ReferenceKeys.fold(name).replaceAll("[^A-Z0-9]+", " ").trim();
        return Arrays.stream(words.split(" "))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.joining(" "));
    }
}
