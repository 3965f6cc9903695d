package io.relance.notification.rendering;

import io.relance.notification.domain.Language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Amounts and dates as each language writes them. Amounts carry the ISO code rather than a symbol and group
 * thousands with a plain space: both survive every channel (the euro sign costs two septets in an SMS, a
 * narrow no-break space forces UCS-2 and is missing from the PDF base fonts).
 */
final class Formats {

    private final Language language;
    private final DecimalFormat amounts;
    private final DateTimeFormatter dates;

    Formats(Language language) {
        this.language = language;
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(language.locale());
        if (language == Language.FR) {
            symbols.setGroupingSeparator(' ');
            symbols.setDecimalSeparator(',');
            dates = DateTimeFormatter.ofPattern("dd/MM/yyyy", language.locale());
        } else {
            symbols.setGroupingSeparator(',');
            symbols.setDecimalSeparator('.');
            dates = DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale());
        }
        amounts = new DecimalFormat("#,##0.00", symbols);
        amounts.setRoundingMode(RoundingMode.HALF_EVEN);
    }

    String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        String figure = amounts.format(amount);
        return language == Language.FR ? figure + " " + currency : currency + " " + figure;
    }

    String date(LocalDate date) {
        return date == null ? null : dates.format(date);
    }
}
