package io.relance.payment.domain;

import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import java.util.Locale;

/** IBANs in one canonical form (no spaces, upper case), checked by country format and check digits. */
public final class Ibans {

    private Ibans() {
    }

    /** The canonical IBAN, or a violation naming {@code field} when it is not a valid IBAN; null stays null. */
    public static String normalize(String iban, String field) {
        if (iban == null || iban.isBlank()) {
            return null;
        }
        String compact = iban.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            IbanUtil.validate(compact);
            return compact;
        } catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
            throw new PaymentRuleViolation(field, "must be a valid IBAN: " + e.getMessage());
        }
    }
}
