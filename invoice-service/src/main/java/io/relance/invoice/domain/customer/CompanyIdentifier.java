package io.relance.invoice.domain.customer;

import io.relance.invoice.domain.InvoiceRuleViolation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a SIREN (9 digits, Luhn key) or an intra-EU VAT number (the format of its member state). */
public final class CompanyIdentifier {

    private static final String FIELD = "sirenOrVat";
    private static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");
    // The member states' formats as the European Commission's VIES service publishes them (EL is Greece, XI Northern Ireland).
    private static final Map<String, Pattern> VAT_FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("EL", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d[A-Z0-9+*]\\d{5}[A-Z]{1,2}")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("\\d{2,10}")),
            Map.entry("SE", Pattern.compile("\\d{12}")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")),
            Map.entry("XI", Pattern.compile("\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}")));

    private CompanyIdentifier() {
    }

    /** The identifier without spaces, dots or dashes, in capitals; throws naming the rule it breaks. */
    public static String normalize(String raw) {
        String value = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (SIREN.matcher(value).matches()) {
            if (!luhn(value)) {
                throw new InvoiceRuleViolation(FIELD, "a SIREN's ninth digit must be its Luhn check digit");
            }
            return value;
        }
        if (value.length() < 4 || !VAT_FORMATS.containsKey(value.substring(0, 2))) {
            throw new InvoiceRuleViolation(FIELD,
                    "must be a SIREN (9 digits) or an intra-EU VAT number starting with a member state's code");
        }
        String country = value.substring(0, 2);
        String number = value.substring(2);
        if (!VAT_FORMATS.get(country).matcher(number).matches()) {
            throw new InvoiceRuleViolation(FIELD, "is not in the format of " + country + " VAT numbers");
        }
        if (country.equals("FR")) {
            checkFrenchKey(number);
        }
        return value;
    }

    private static void checkFrenchKey(String number) {
        String siren = number.substring(2);
        String key = number.substring(0, 2);
        if (!luhn(siren)) {
            throw new InvoiceRuleViolation(FIELD, "the SIREN inside a French VAT number must pass its Luhn check");
        }
        // Numeric keys are computed from the SIREN; letter keys (new-style numbers) have no public formula.
        if (key.chars().allMatch(Character::isDigit)
                && Integer.parseInt(key) != (12 + 3 * (Long.parseLong(siren) % 97)) % 97) {
            throw new InvoiceRuleViolation(FIELD, "the key of a French VAT number must be (12 + 3 × (SIREN mod 97)) mod 97");
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
