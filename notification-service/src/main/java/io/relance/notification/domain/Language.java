package io.relance.notification.domain;

import java.util.Locale;

/** Language a customer is written to in; its code names the template folder. */
public enum Language {
    FR(Locale.FRANCE),
    EN(Locale.UK);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "', expected fr or en");
    }
}
