package io.relance.notification.application;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Language;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;
import io.relance.notification.GreenMailTestResource;
import io.relance.notification.ItSupport;
import io.relance.notification.Tokens;
import io.relance.notification.domain.Delivery;
import io.relance.notification.provider.SandboxSmsGateway;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** ReminderRequested in from the real broker, real e-mails out to GreenMail, outcomes back on notification-events. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class ReminderDeliveryIT {

    @BeforeEach
    void asACollector() {
        Tokens.actAs("collector");
    }

    @Inject
    SandboxSmsGateway sms;
    @Inject
    MeterRegistry registry;

    private final GreenMail mail = GreenMailTestResource.greenMail();

    @Test
    void aFormalNoticeIsEmailedOnceInFrenchWithItsStatementAndRedeliveriesSendNothing() throws Exception {
        String customer = ItSupport.newCustomer();
        String address = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.FR, List.of(address), null);
        ReminderRequested request = ItSupport.reminder(customer, "formal-notice", Tone.FORMAL, List.of(Channel.EMAIL));
        ItSupport.publish(request);

        MimeMessage message = ItSupport.awaitMails(mail, address, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Mise en demeure de payer – Relance Démo SAS");
        assertThat(message.getMessageID()).isEqualTo("<" + Delivery.idFor(request.reminderId(),
                io.relance.notification.domain.Channel.EMAIL) + "@relance.local>");
        List<BodyPart> parts = ItSupport.leafParts((Multipart) message.getContent());
        String text = ItSupport.part(parts, "text/plain");
        String html = ItSupport.part(parts, "text/html");
        assertThat(text).contains("nous vous mettons en demeure de nous régler la somme de 1 257,26 EUR")
                .contains("40,00 EUR par facture, soit 40,00 EUR").contains("au plus tard le 02/12/2026");
        assertThat(html).contains("mettons en demeure").contains("Société Générale d&#39;Épicerie &lt;SGE&gt;");
        BodyPart attachment = ItSupport.attachment(parts, "application/pdf");
        assertThat(attachment.getFileName()).isEqualTo("releve-de-compte-2026-11-24.pdf");
        assertThat(pdfText(attachment.getInputStream())).contains("Relevé de compte").contains("1 200,00 EUR");

        ItSupport.publish(request);
        ItSupport.publish(ItSupport.again(request));
        ReminderRequested marker = ItSupport.reminder(customer, "reminder", Tone.FRIENDLY, List.of(Channel.EMAIL));
        ItSupport.publish(marker);
        ItSupport.awaitMails(mail, address, 2);

        List<MimeMessage> all = ItSupport.mailsTo(mail, address);
        assertThat(all).extracting(MimeMessage::getSubject)
                .containsExactly("Mise en demeure de payer – Relance Démo SAS", "Rappel : factures échues – Relance Démo SAS");
        List<ConsumerRecord<String, String>> sent = ItSupport.outcomes(customer, 2);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).value()).contains("\"reminderId\":\"" + request.reminderId() + "\"")
                .contains("\"channel\":\"EMAIL\"").contains("\"cost\":\"0.01\"").contains("\"costCurrency\":\"EUR\"");
        given().get("/deliveries?customerId=" + customer).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(2))
                .body("[0].status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("[0].attempts.size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].attempts[0].outcome", org.hamcrest.Matchers.equalTo("SENT"));
    }

    @Test
    void anEnglishCustomerIsWrittenToInEnglish() throws Exception {
        String customer = ItSupport.newCustomer();
        String address = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.EN, List.of(address), null);
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.EMAIL)));

        MimeMessage message = ItSupport.awaitMails(mail, address, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Reminder: unpaid invoices – Relance Démo SAS");
        List<BodyPart> parts = ItSupport.leafParts((Multipart) message.getContent());
        assertThat(ItSupport.part(parts, "text/plain")).contains("Please pay EUR 1,200.00 by 2 December 2026");
        assertThat(ItSupport.contentTypes(parts)).noneMatch(type -> type.startsWith("application/pdf"));
    }

    @Test
    void aRegisteredLetterAnSmsAndAPhoneTaskAreEachSentOnceAndCosted() throws Exception {
        String customer = ItSupport.newCustomer();
        ItSupport.publishProfile(customer, Language.FR, List.of(), "+33611223344");
        ReminderRequested request = ItSupport.reminder(customer, "formal-notice", Tone.FORMAL,
                List.of(Channel.REGISTERED_LETTER, Channel.SMS, Channel.PHONE_TASK));
        UUID invoiceId = request.invoices().get(0).invoiceId();
        double lettersBefore = sent("REGISTERED_LETTER");
        double smsBefore = sent("SMS");
        double tasksBefore = sent("PHONE_TASK");
        ItSupport.publish(request);

        List<ConsumerRecord<String, String>> outcomes = ItSupport.outcomes(customer, 3);
        assertThat(sent("REGISTERED_LETTER")).isGreaterThanOrEqualTo(lettersBefore + 1);
        assertThat(sent("SMS")).isGreaterThanOrEqualTo(smsBefore + 1);
        assertThat(sent("PHONE_TASK")).isGreaterThanOrEqualTo(tasksBefore + 1);
        assertThat(outcomes).extracting(ConsumerRecord::value).allMatch(v -> v.contains("\"reminderId\":\"" + request.reminderId()));
        assertThat(outcomes).extracting(r -> JsonPath.from(r.value()).getString("channel"))
                .containsExactlyInAnyOrder("REGISTERED_LETTER", "SMS", "PHONE_TASK");
        JsonPath letterSent = outcomes.stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> j.getString("channel").equals("REGISTERED_LETTER")).findFirst().orElseThrow();
        assertThat(letterSent.getString("trackingNumber")).matches("1A[0-9]{11}");
        assertThat(letterSent.getString("cost")).isEqualTo("6.50");
        assertThat(outcomes.stream().map(r -> JsonPath.from(r.value()))
                .filter(j -> j.getString("channel").equals("PHONE_TASK")).findFirst().orElseThrow().getString("cost"))
                .isEqualTo("4.00");

        String smsId = Delivery.idFor(request.reminderId(), io.relance.notification.domain.Channel.SMS).toString();
        assertThat(sms.sent()).filteredOn(s -> s.reference().equals("sbx-sms-" + smsId)).singleElement()
                .satisfies(s -> {
                    assertThat(s.phoneNumber()).isEqualTo("+33611223344");
                    assertThat(s.text()).contains("mise en demeure de payer 1 257,26 EUR").hasSizeLessThanOrEqualTo(160);
                });

        JsonPath byInvoice = given().get("/deliveries?invoiceId=" + invoiceId).then().statusCode(200).extract().jsonPath();
        assertThat(byInvoice.getList("channel")).containsExactlyInAnyOrder("REGISTERED_LETTER", "SMS", "PHONE_TASK");
        String letterPath = byInvoice.getString("find { it.channel == 'REGISTERED_LETTER' }.letter");
        byte[] pdf = given().get(letterPath).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(pdfText(new java.io.ByteArrayInputStream(pdf))).contains("LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION")
                .contains("3 place de l'Hôtel de Ville").contains("mettons en demeure");
    }

    @Test
    void aMessageTheProviderAlreadyTookBeforeACrashIsNotSentASecondTime() {
        String customer = ItSupport.newCustomer();
        ItSupport.publishProfile(customer, Language.FR, List.of(), "+33699887766");
        ReminderRequested request = ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.SMS));
        String key = Delivery.idFor(request.reminderId(), io.relance.notification.domain.Channel.SMS).toString();
        sms.send(key, "+33699887766", "taken before the crash").await().indefinitely();

        ItSupport.publish(request);

        ConsumerRecord<String, String> sent = ItSupport.outcomes(customer, 1).get(0);
        assertThat(sent.value()).contains("\"channel\":\"SMS\"");
        assertThat(sms.sent()).filteredOn(s -> s.reference().equals("sbx-sms-" + key)).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("taken before the crash"));
    }

    @Test
    void requestsThatCannotBeDeliveredBecomeReminderFailedAndTheNextOneStillGoesOut() throws Exception {
        String customer = ItSupport.newCustomer();
        ItSupport.publishProfile(customer, Language.FR, List.of("not-an-address"), null);
        double emailsFailedBefore = failedPermanently("EMAIL");
        double smsFailedBefore = failedPermanently("SMS");
        ItSupport.publish(ItSupport.reminder(customer, "no-such-step", Tone.FIRM, List.of(Channel.EMAIL)));
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.SMS)));
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.EMAIL)));
        ItSupport.outcomes(customer, 3);
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.EMAIL)));
        String unknown = ItSupport.newCustomer();
        ItSupport.publish(ItSupport.reminder(unknown, "reminder", Tone.FIRM, List.of(Channel.EMAIL)));

        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> failed : ItSupport.outcomes(customer, 4)) {
            JsonPath json = JsonPath.from(failed.value());
            assertThat(json.getBoolean("permanent")).isTrue();
            reasons.add(json.getString("reason"));
        }
        assertThat(reasons).anyMatch(r -> r.startsWith("unknown template 'no-such-step' for EMAIL in fr"))
                .anyMatch(r -> r.startsWith("no SMS contact"))
                .anyMatch(r -> r.equals("invalid e-mail address"))
                .anyMatch(r -> r.startsWith("recipient suppressed: invalid e-mail address"));
        assertThat(JsonPath.from(ItSupport.outcomes(unknown, 1).get(0).value()).getString("reason"))
                .startsWith("unknown customer " + unknown);
        assertThat(failedPermanently("EMAIL")).isGreaterThanOrEqualTo(emailsFailedBefore + 4);
        assertThat(failedPermanently("SMS")).isGreaterThanOrEqualTo(smsFailedBefore + 1);

        String fixed = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.FR, List.of(fixed), null);
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FRIENDLY, List.of(Channel.EMAIL)));
        ItSupport.awaitMails(mail, fixed, 1);
    }

    @Test
    void anEmailRefusedWhileTheRelayIsDownIsRetriedWithBackOffAndSentOnceItIsBack() throws Exception {
        String customer = ItSupport.newCustomer();
        String address = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.FR, List.of(address), null);
        mail.stop();
        try {
            ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FRIENDLY, List.of(Channel.EMAIL)));

            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/deliveries?customerId=" + customer)
                    .then().statusCode(200).extract().jsonPath().getList("[0].attempts.outcome", String.class),
                    outcomes -> outcomes != null && outcomes.size() >= 2
                            && outcomes.stream().allMatch("TRANSIENT_FAILURE"::equals));
            given().get("/deliveries?customerId=" + customer).then().body("[0].status", equalTo("RETRYING"));
            assertThat(ItSupport.recordsWithin(Topics.NOTIFICATION_EVENTS, customer, Duration.ofSeconds(1)))
                    .as("no ReminderFailed while attempts remain").isEmpty();
        } finally {
            mail.start();
        }

        MimeMessage message = ItSupport.awaitMails(mail, address, 1).get(0);
        assertThat(message.getSubject()).isEqualTo("Rappel : factures échues – Relance Démo SAS");
        assertThat(JsonPath.from(ItSupport.outcomes(customer, 1).get(0).value()).getString("channel")).isEqualTo("EMAIL");
        given().get("/deliveries?customerId=" + customer).then().body("[0].status", equalTo("SENT"))
                .body("[0].attempts[-1].outcome", equalTo("SENT"));
        assertThat(ItSupport.mailsTo(mail, address)).hasSize(1);
    }

    private static String pdfText(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        try (PDDocument document = Loader.loadPDF(bytes.toByteArray())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }


    private double sent(String channel) {
        return registry.find("relance.reminders.sent").tag("channel", channel).counter().count();
    }

    private double failedPermanently(String channel) {
        return registry.find("relance.reminders.failed").tag("channel", channel).tag("permanent", "true").counter().count();
    }
}
