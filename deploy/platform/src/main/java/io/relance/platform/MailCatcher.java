package io.relance.platform;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local platform's SMTP server: it accepts every e-mail notification-service sends and keeps only who it went
 * to, its subject and its Message-ID (the messages themselves, PDFs included, are dropped to keep memory flat), so
 * that nothing leaves the machine and a replay can count what debtors received.
 */
public final class MailCatcher implements AutoCloseable {

    /** What is kept of one e-mail: the recipients' bare addresses, the subject, the Message-ID. */
    public record CaughtMail(List<String> to, String subject, String messageId) {
    }

    private final GreenMail server;
    private final List<CaughtMail> caught = new ArrayList<>();

    private MailCatcher(GreenMail server) {
        this.server = server;
    }

    static MailCatcher start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every e-mail received so far, in arrival order. */
    public synchronized List<CaughtMail> received() {
        MimeMessage[] messages = server.getReceivedMessages();
        if (messages.length > 0) {
            for (MimeMessage message : messages) {
                caught.add(summary(message));
            }
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("the mail catcher cannot drop what it has read", e);
            }
        }
        return List.copyOf(caught);
    }

    private static CaughtMail summary(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return new CaughtMail(to == null ? List.of() : Arrays.stream(to).map(MailCatcher::address).toList(),
                    message.getSubject(), message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException("an e-mail the mail catcher received cannot be read", e);
        }
    }

    private static String address(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
