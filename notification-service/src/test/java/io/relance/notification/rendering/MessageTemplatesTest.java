package io.relance.notification.rendering;

import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.PostalAddress;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.SmsText;
import io.relance.notification.domain.Tone;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The templates as debtors read them, rendered by Qute outside Quarkus with the same escaping rules. */
class MessageTemplatesTest {

    static final List<String> KEYS = List.of("preventive", "reminder", "formal-notice");
    static final MessageView.Sender SENDER = new MessageView.Sender("Relance Démo SAS", "relances@relance.example",
            List.of("5 avenue Foch", "75016 Paris"), "01 23 45 67 89");

    private final MessageRenderer renderer = new MessageRenderer(StandaloneEngine.create());

    static MessageView view(Reminder reminder, Contact contact, Channel channel) {
        return MessageViews.of(reminder, contact, channel, SENDER, "https://pay.relance.example/c/{customerId}", 8);
    }

    private RenderedMessage render(String key, Tone tone, Channel channel, Language language) {
        Reminder reminder = SampleReminders.reminder(key, tone, List.of(channel));
        return renderer.render(key, channel, language, view(reminder, SampleReminders.contact(language), channel));
    }

    @Test
    void theFrenchFormalNoticeStatesMiseEnDemeureTheAmountsTheInterestTheIndemnityPerInvoiceAndTheDeadline() {
        RenderedMessage mail = render("formal-notice", Tone.FORMAL, Channel.EMAIL, Language.FR);

        assertThat(mail.subject()).isEqualTo("Mise en demeure de payer – Relance Démo SAS");
        for (String body : List.of(mail.text(), mail.html())) {
            assertThat(body)
                    .contains("mettons en demeure")
                    .contains("F-2026-0412").contains("1 250,00 EUR")
                    .contains("F-2026-0468").contains("3 480,50 EUR")
                    .contains("80,19 EUR")
                    .contains("40,00 EUR par facture, soit 80,00 EUR")
                    .contains("articles L441-10 et D441-5 du Code de commerce")
                    .contains("4 890,69 EUR")
                    .contains("au plus tard le")
                    .contains("25/10/2026");
        }
        assertThat(mail.text()).contains("MISE EN DEMEURE DE PAYER").contains("échéance le 02/09/2026").doesNotContain("<");
    }

    @Test
    void theDeadlineIsTheStepsOwnWhenItSetsOne() {
        Reminder sample = SampleReminders.reminder("formal-notice", Tone.FORMAL, List.of(Channel.EMAIL));
        Reminder withDeadline = new Reminder(sample.reminderId(), sample.customerId(), sample.channels(),
                sample.templateKey(), sample.tone(), sample.businessDate(), sample.currency(), sample.lines(),
                sample.totalOpen(), sample.totalLateInterest(), sample.totalRecoveryIndemnity(), LocalDate.of(2026, 11, 3));

        RenderedMessage mail = renderer.render("formal-notice", Channel.EMAIL, Language.FR,
                view(withDeadline, SampleReminders.contact(Language.FR), Channel.EMAIL));

        assertThat(mail.text()).contains("au plus tard le 03/11/2026").doesNotContain("25/10/2026");
    }

    @Test
    void theEnglishFormalNoticeIsInEnglishAndStillNamesTheMiseEnDemeure() {
        RenderedMessage mail = render("formal-notice", Tone.FORMAL, Channel.EMAIL, Language.EN);

        assertThat(mail.subject()).isEqualTo("Formal notice to pay (mise en demeure) – Relance Démo SAS");
        assertThat(mail.text()).contains("We hereby give you formal notice to pay us EUR 4,890.69 by 25 October 2026")
                .contains("EUR 40.00 per invoice, that is EUR 80.00")
                .contains("EUR 1,250.00")
                .doesNotContain("Madame");
    }

    @Test
    void theToneChangesTheWordingOfTheSameTemplate() {
        String friendly = render("reminder", Tone.FRIENDLY, Channel.EMAIL, Language.FR).text();
        String firm = render("reminder", Tone.FIRM, Channel.EMAIL, Language.FR).text();
        String formal = render("reminder", Tone.FORMAL, Channel.EMAIL, Language.FR).text();

        assertThat(friendly).startsWith("Bonjour,").contains("simple oubli").endsWith("relances@relance.example\n");
        assertThat(firm).startsWith("Madame, Monsieur,").contains("procédure de recouvrement")
                .contains("salutations distinguées");
        assertThat(formal).contains("dernier rappel amiable").contains("mise en demeure");
        assertThat(render("reminder", Tone.FORMAL, Channel.EMAIL, Language.FR).subject())
                .startsWith("Dernier rappel avant mise en demeure");
    }

    @Test
    void customerSuppliedTextIsEscapedInHtmlAndLeftAsItIsInText() {
        Contact hostile = new Contact("C-X", "<script>alert('x')</script> & Cie", List.of("a@b.example"), null,
                new PostalAddress(List.of("<b>1 rue</b>"), "75001", "Paris", "FR"), Language.FR, Instant.EPOCH);
        Reminder reminder = SampleReminders.reminder("reminder", Tone.FIRM, List.of(Channel.EMAIL));

        RenderedMessage mail = renderer.render("reminder", Channel.EMAIL, Language.FR, view(reminder, hostile, Channel.EMAIL));
        RenderedMessage letter = renderer.render("reminder", Channel.LETTER, Language.FR, view(reminder, hostile, Channel.LETTER));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Cie");
        assertThat(letter.html()).doesNotContain("<script>").doesNotContain("<b>1 rue")
                .contains("&lt;b&gt;1 rue&lt;/b&gt;");
        assertThat(mail.text()).contains("<script>alert('x')</script> & Cie");
    }

    @Test
    void everyTemplateRendersForEveryMessageChannelLanguageAndToneAndItsSmsFitsOneSegment() {
        for (String key : KEYS) {
            for (Language language : Language.values()) {
                for (Tone tone : Tone.values()) {
                    for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.LETTER, Channel.REGISTERED_LETTER)) {
                        RenderedMessage message = render(key, tone, channel, language);
                        String what = key + "/" + channel + "/" + language + "/" + tone;
                        switch (channel) {
                            case EMAIL -> {
                                assertThat(message.subject()).as(what).contains("Relance Démo SAS");
                                assertThat(message.text()).as(what).contains("F-2026-0468").doesNotContain("{");
                                assertThat(message.html()).as(what).contains("F-2026-0468").contains("</html>");
                            }
                            case SMS -> {
                                assertThat(message.text()).as(what).contains("https://pay.relance.example/c/C-SAMPLE");
                                assertThat(SmsText.isGsm7(message.text())).as(what + ": " + message.text()).isTrue();
                                assertThat(SmsText.segments(message.text())).as(what + ": " + message.text()).isEqualTo(1);
                            }
                            default -> assertThat(message.html()).as(what).contains("Boulangerie Lefèvre &amp; Fils SARL")
                                    .contains("69002 Lyon");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRegisteredLetterSaysSoAndAPlainLetterDoesNot() {
        assertThat(render("formal-notice", Tone.FORMAL, Channel.REGISTERED_LETTER, Language.FR).html())
                .contains("Lettre recommandée avec accusé de réception");
        assertThat(render("formal-notice", Tone.FORMAL, Channel.LETTER, Language.FR).html())
                .doesNotContain("recommandée");
    }

    @Test
    void anUnknownTemplateKeyIsRefusedAndAPathIsNotAKey() {
        assertThat(renderer.exists("reminder", Channel.SMS, Language.EN)).isTrue();
        assertThat(renderer.exists("no-such-step", Channel.EMAIL, Language.FR)).isFalse();
        assertThat(renderer.exists("../fr/reminder", Channel.EMAIL, Language.FR)).isFalse();
        assertThat(renderer.exists("reminder", Channel.PHONE_TASK, Language.FR)).isFalse();
        MessageView view = view(SampleReminders.reminder("x", Tone.FIRM, List.of(Channel.EMAIL)),
                SampleReminders.contact(Language.FR), Channel.EMAIL);
        assertThatThrownBy(() -> renderer.render("no-such-step", Channel.EMAIL, Language.FR, view))
                .isInstanceOf(UnknownTemplateException.class).hasMessageContaining("no-such-step");
    }
}
