package io.relance.invoice.domain.customer;

/** The language a customer is written to in. */
public enum Language {
    FR, EN;

    /** Reads the ISO 639-1 code the API uses ("fr", "en"). */
    public static Language ofCode(String code) {
        return switch (code) {
            case "fr" -> FR;
            case "en" -> EN;
            default -> throw new IllegalArgumentException(code);
        };
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
