package io.relance.payment.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        String words = joinInitials(ReferenceKeys.fold(name).replaceAll("[^A-Z0-9]+", " ").trim());
        return Arrays.stream(words.split(" "))
                .filter(word -> !word.isEmpty() && !LEGAL_FORMS.contains(word))
                .collect(Collectors.joining(" "));
    }

    /** Runs of single letters are one abbreviation: "S A R L" (from "S.A.R.L.") is SARL, a legal form. */
    private static String joinInitials(String words) {
        List<String> out = new ArrayList<>();
        boolean previousIsInitial = false;
        for (String word : words.split(" ")) {
            boolean initial = word.length() == 1 && Character.isLetter(word.charAt(0));
            if (initial && previousIsInitial) {
                out.set(out.size() - 1, out.get(out.size() - 1) + word);
            } else {
                out.add(word);
            }
            previousIsInitial = initial;
        }
        return String.join(" ", out);
    }
}
