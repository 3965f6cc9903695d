package io.relance.notification.rendering;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.Tone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Letters and statements laid out as PDF, read back with PDFBox as a recipient's viewer would. */
class LetterPdfTest {

    private final MessageRenderer renderer = new MessageRenderer(StandaloneEngine.create());
    private final LetterPdf pdf = new LetterPdf();

    static String text(byte[] document) throws IOException {
        try (PDDocument loaded = Loader.loadPDF(document)) {
            return new PDFTextStripper().getText(loaded);
        }
    }

    @Test
    void aRegisteredFormalNoticeIsAPdfWithTheAddressTheAccentsTheAmountsAndTheDeadline() throws IOException {
        Reminder reminder = SampleReminders.reminder("formal-notice", Tone.FORMAL, List.of(Channel.REGISTERED_LETTER));
        MessageView view = MessageTemplatesTest.view(reminder, SampleReminders.contact(Language.FR), Channel.REGISTERED_LETTER);

        byte[] letter = pdf.toPdf(renderer.render("formal-notice", Channel.REGISTERED_LETTER, Language.FR, view).html());

        assertThat(new String(letter, 0, 5)).isEqualTo("%PDF-");
        String text = text(letter).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Lettre recommandée avec accusé de réception".toUpperCase(java.util.Locale.FRANCE))
                .contains("Boulangerie Lefèvre & Fils SARL")
                .contains("12 rue de l'Église")
                .contains("69002 Lyon")
                .contains("Mise en demeure de payer")
                .contains("mettons en demeure")
                .contains("40,00 EUR par facture, soit 80,00 EUR")
                .contains("4 890,69 EUR")
                .contains("25/10/2026");
    }

    @Test
    void theStatementListsEveryInvoiceInEnglish() throws IOException {
        Reminder reminder = SampleReminders.reminder("reminder", Tone.FIRM, List.of(Channel.EMAIL));
        MessageView view = MessageTemplatesTest.view(reminder, SampleReminders.contact(Language.EN), Channel.EMAIL);

        String text = text(pdf.toPdf(renderer.statement(Language.EN, view))).replaceAll("\\s+", " ");

        assertThat(text).contains("Statement of account").contains("F-2026-0412").contains("F-2026-0468")
                .contains("EUR 4,730.50");
    }
}
