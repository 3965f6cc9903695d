package io.relance.notification.rendering;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.PostalAddress;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.ReminderLine;
import io.relance.notification.domain.Tone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The made-up customer and statement the preview endpoint renders templates with. */
public final class SampleReminders {

    public static final String CUSTOMER_ID = "C-SAMPLE";

    private SampleReminders() {
    }

    /** Two overdue invoices; a FORMAL reminder also claims late interest and the 40 EUR indemnity on each. */
    public static Reminder reminder(String templateKey, Tone tone, List<Channel> channels) {
        boolean charges = tone == Tone.FORMAL;
        List<ReminderLine> lines = List.of(
                new ReminderLine(UUID.fromString("00000000-0000-0000-0000-000000000001"), "F-2026-0412",
                        LocalDate.of(2026, 8, 3), LocalDate.of(2026, 9, 2), new BigDecimal("1250.00"),
                        charges ? new BigDecimal("28.77") : null, charges ? new BigDecimal("40.00") : null),
                new ReminderLine(UUID.fromString("00000000-0000-0000-0000-000000000002"), "F-2026-0468",
                        LocalDate.of(2026, 8, 21), LocalDate.of(2026, 9, 20), new BigDecimal("3480.50"),
                        charges ? new BigDecimal("51.42") : null, charges ? new BigDecimal("40.00") : null));
        return new Reminder(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), CUSTOMER_ID, channels,
                templateKey, tone, LocalDate.of(2026, 10, 17), "EUR", lines, new BigDecimal("4730.50"),
                charges ? new BigDecimal("80.19") : null, charges ? new BigDecimal("80.00") : null, null);
    }

    public static Contact contact(Language language) {
        return new Contact(CUSTOMER_ID, "Boulangerie Lefèvre & Fils SARL", List.of("compta@lefevre.example"),
                "+33612345678", new PostalAddress(List.of("12 rue de l'Église"), "69002", "Lyon", "FR"), language,
                Instant.parse("2026-10-01T00:00:00Z"));
    }
}
