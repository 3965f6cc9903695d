package io.relance.notification.provider;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Sends e-mails over SMTP with a Message-ID fixed by the caller, so that a repeated attempt of the same delivery is
 * the same message to every mail system that deduplicates on it. 5xx replies are permanent, 4xx and network
 * failures transient.
 */
@ApplicationScoped
public class EmailSender {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final ReactiveMailer mailer;

    EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public Uni<SendResult> send(OutgoingEmail email) {
        if (!ADDRESS.matcher(email.to()).matches()) {
            return Uni.createFrom().item(new SendResult.Permanent("invalid e-mail address", true));
        }
        Mail mail = Mail.withHtml(email.to(), email.subject(), email.html())
                .setText(email.text())
                .setFrom(email.from())
                .addHeader("Message-ID", email.messageId());
        if (email.statementPdf() != null) {
            mail.addAttachment(email.statementName(), email.statementPdf(), "application/pdf");
        }
        return mailer.send(mail)
                .map(ignored -> (SendResult) new SendResult.Accepted(email.messageId(), null))
                .onFailure().recoverWithItem(EmailSender::classify);
    }

    static SendResult classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String reason = "SMTP " + smtp.getReplyCode() + " " + smtp.getReplyMessage();
                return smtp.isPermanent() ? new SendResult.Permanent(reason, true) : new SendResult.Transient(reason);
            }
        }
        return new SendResult.Transient(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
