package io.relance.notification;

import com.icegreen.greenmail.util.GreenMail;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Language;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the integration tests do again and again: publish as the other services, read outcomes and mails back. */
public final class ItSupport {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private ItSupport() {
    }

    /** Short, like real customer ids: an SMS must fit one segment with the payment link that carries it. */
    public static String newCustomer() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void publishProfile(String customerId, Language language, List<String> emails, String phone) {
        Kafka.publish(Requests.profile(customerId, language, emails, phone, Instant.now()));
    }

    public static void publishProfileAt(String customerId, List<String> emails, Instant occurredAt) {
        Kafka.publish(Requests.profile(customerId, Language.FR, emails, null, occurredAt));
    }

    public static void tombstone(String customerId) {
        Kafka.tombstone(Topics.CUSTOMER_PROFILES, customerId);
    }

    public static ReminderRequested reminder(String customerId, String templateKey, Tone tone, List<Channel> channels) {
        return Requests.reminder(customerId, UUID.randomUUID(), templateKey, tone, channels);
    }

    public static ReminderRequested again(ReminderRequested request) {
        return Requests.again(request);
    }

    public static void publish(ReminderRequested request) {
        Kafka.publish(request);
    }

    /** At least {@code count} ReminderSent/ReminderFailed for the customer; fails if fewer come. */
    public static List<ConsumerRecord<String, String>> outcomes(String customerId, int count) {
        List<ConsumerRecord<String, String>> found = Kafka.read(Topics.NOTIFICATION_EVENTS, customerId, WAIT,
                records -> records.size() >= count);
        assertThat(found).as("outcomes for " + customerId).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** Every record of the topic for that key within a few seconds: for proving that nothing comes. */
    public static List<ConsumerRecord<String, String>> recordsWithin(String topic, String key, Duration duration) {
        return Kafka.read(topic, key, duration, records -> false);
    }

    public static List<MimeMessage> awaitMails(GreenMail mail, String address, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        List<MimeMessage> found = mailsTo(mail, address);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            mail.waitForIncomingEmail(200, 1);
            found = mailsTo(mail, address);
        }
        assertThat(found).as("mails to " + address).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    public static List<MimeMessage> mailsTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The leaves of a MIME tree: text, HTML and attachments, whatever the nesting. */
    public static List<BodyPart> leafParts(Multipart multipart) throws MessagingException, IOException {
        List<BodyPart> leaves = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                leaves.addAll(leafParts(nested));
            } else {
                leaves.add(part);
            }
        }
        return leaves;
    }

    public static BodyPart attachment(List<BodyPart> parts, String contentType) throws MessagingException {
        for (BodyPart part : parts) {
            if (part.getContentType().toLowerCase().startsWith(contentType)) {
                return part;
            }
        }
        throw new AssertionError("no " + contentType + " attachment");
    }

    public static List<String> contentTypes(List<BodyPart> parts) throws MessagingException {
        List<String> types = new ArrayList<>();
        for (BodyPart part : parts) {
            types.add(part.getContentType().toLowerCase());
        }
        return types;
    }

    public static String part(List<BodyPart> parts, String contentType) throws MessagingException, IOException {
        for (BodyPart part : parts) {
            if (part.getContentType().toLowerCase().startsWith(contentType)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + contentType + " part");
    }
}
