package io.relance.invoice.domain.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.relance.invoice.domain.RuleViolations;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an ERP or an operator states about a debtor account, checked: every field is in its valid, normalised form.
 *
 * @param sirenOrVat null when unknown
 * @param phone E.164, null when unknown
 * @param address null when unknown
 * @param paymentTermsDays null when the ERP sets none
 * @param insolvency null when there are no proceedings
 */
public record CustomerDetails(String sourceSystem, String externalId, String legalName, String sirenOrVat,
                              List<String> emails, String phone, PostalAddress address, Language language,
                              Segment segment, Integer paymentTermsDays, Insolvency insolvency) {

    /** The details as received, unchecked; {@link #check} turns them into {@link CustomerDetails} or says what is wrong. */
    public record Draft(String sourceSystem, String externalId, String legalName, String sirenOrVat,
                        List<String> emails, String phone, DraftAddress address, String language, String segment,
                        Integer paymentTermsDays, DraftInsolvency insolvency) {
    }

    public record DraftAddress(List<String> lines, String postalCode, String city, String countryCode) {
    }

    public record DraftInsolvency(String type, LocalDate openedOn) {
    }

    public static final int MAX_EMAILS = 10;
    public static final int MAX_PAYMENT_TERMS_DAYS = 365;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern FRENCH_POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public CustomerDetails {
        emails = List.copyOf(emails);
    }

    /** Checks every field, reporting all broken rules at once; {@code today} bounds the insolvency opening date. */
    public static CustomerDetails check(Draft draft, LocalDate today) {
        RuleViolations.Collector violations = new RuleViolations.Collector();
        String sourceSystem = text(violations, "sourceSystem", draft.sourceSystem(), 64);
        String externalId = text(violations, "externalId", draft.externalId(), 64);
        String legalName = text(violations, "legalName", draft.legalName(), 200);
        String sirenOrVat = blank(draft.sirenOrVat()) ? null
                : violations.check(() -> CompanyIdentifier.normalize(draft.sirenOrVat()));
        List<String> emails = emails(violations, draft.emails());
        String phone = blank(draft.phone()) ? null : phone(violations, draft.phone().trim());
        PostalAddress address = draft.address() == null ? null : address(violations, draft.address());
        Language language = language(violations, draft.language());
        Segment segment = segment(violations, draft.segment());
        Integer terms = draft.paymentTermsDays();
        if (terms != null && (terms < 0 || terms > MAX_PAYMENT_TERMS_DAYS)) {
            violations.add("paymentTermsDays", "must be between 0 and " + MAX_PAYMENT_TERMS_DAYS + " days");
        }
        Insolvency insolvency = draft.insolvency() == null ? null : insolvency(violations, draft.insolvency(), today);
        violations.throwIfAny();
        return new CustomerDetails(sourceSystem, externalId, legalName, sirenOrVat, emails, phone, address, language,
                segment, terms, insolvency);
    }

    private static String text(RuleViolations.Collector violations, String field, String value, int maxLength) {
        if (blank(value)) {
            violations.add(field, "is required");
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            violations.add(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private static List<String> emails(RuleViolations.Collector violations, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String email = raw.get(i) == null ? "" : raw.get(i).trim();
            if (!EMAIL.matcher(email).matches() || email.length() > 254) {
                violations.add("emails[" + i + "]", "must be an e-mail address such as compta@example.fr");
            } else {
                emails.add(email);
            }
        }
        if (emails.size() > MAX_EMAILS) {
            violations.add("emails", "must hold at most " + MAX_EMAILS + " addresses");
        }
        return List.copyOf(emails);
    }

    private static String phone(RuleViolations.Collector violations, String raw) {
        if (!E164.matcher(raw).matches()) {
            violations.add("phone", "must be in E.164 form: + then country code and number, digits only (+33612345678)");
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, null);
            if (!util.isValidNumber(number)) {
                violations.add("phone", "is not a number that exists in its country's numbering plan");
                return null;
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            violations.add("phone", "is not a phone number: " + e.getMessage());
            return null;
        }
    }

    private static PostalAddress address(RuleViolations.Collector violations, DraftAddress raw) {
        List<String> lines = raw.lines() == null ? List.of()
                : raw.lines().stream().filter(line -> !blank(line)).map(String::trim).toList();
        if (lines.isEmpty() || lines.size() > 4) {
            violations.add("address.lines", "must hold 1 to 4 non-blank lines");
        }
        if (blank(raw.city())) {
            violations.add("address.city", "is required");
        }
        String country = raw.countryCode() == null ? "" : raw.countryCode().trim();
        if (!COUNTRIES.contains(country)) {
            violations.add("address.countryCode", "must be an ISO 3166-1 alpha-2 code in capitals, such as FR");
        }
        String postalCode = blank(raw.postalCode()) ? null : raw.postalCode().trim();
        if (country.equals("FR") && (postalCode == null || !FRENCH_POSTAL_CODE.matcher(postalCode).matches())) {
            violations.add("address.postalCode", "must be 5 digits in France");
        }
        return new PostalAddress(lines, postalCode, raw.city() == null ? null : raw.city().trim(), country);
    }

    private static Language language(RuleViolations.Collector violations, String raw) {
        if (!"fr".equals(raw) && !"en".equals(raw)) {
            violations.add("language", "must be fr or en");
            return null;
        }
        return Language.ofCode(raw);
    }

    private static Segment segment(RuleViolations.Collector violations, String raw) {
        try {
            return Segment.valueOf(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add("segment", "must be one of REGULAR, OCCASIONAL, NEW, RISKY");
            return null;
        }
    }

    private static Insolvency insolvency(RuleViolations.Collector violations, DraftInsolvency raw, LocalDate today) {
        InsolvencyType type = null;
        try {
            type = InsolvencyType.valueOf(raw.type());
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add("insolvency.type", "must be one of SAFEGUARD, RECEIVERSHIP, LIQUIDATION");
        }
        if (raw.openedOn() == null) {
            violations.add("insolvency.openedOn", "is required");
        } else if (raw.openedOn().isAfter(today)) {
            violations.add("insolvency.openedOn", "must not be after today (" + today + ")");
        }
        return new Insolvency(type, raw.openedOn());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
