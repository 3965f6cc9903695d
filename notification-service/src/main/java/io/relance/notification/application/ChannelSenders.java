package io.relance.notification.application;

import io.relance.notification.config.NotificationConfig;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.SendResult;
import io.relance.notification.provider.EmailSender;
import io.relance.notification.provider.OutgoingEmail;
import io.relance.notification.provider.PostalProvider;
import io.relance.notification.provider.SmsGateway;
import io.relance.notification.rendering.LetterPdf;
import io.relance.notification.rendering.MessageRenderer;
import io.relance.notification.rendering.MessageView;
import io.relance.notification.rendering.MessageViews;
import io.relance.notification.rendering.RenderedMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/** Renders a delivery's message for its channel and hands it to that channel's provider, keyed by the delivery id. */
@ApplicationScoped
public class ChannelSenders {

    /** The provider's answer, and the PDF of a letter, kept as posted. */
    public record Outcome(SendResult result, byte[] letterPdf) {
    }

    private final MessageRenderer renderer;
    private final LetterPdf letterPdf;
    private final EmailSender email;
    private final SmsGateway sms;
    private final PostalProvider postal;
    private final Vertx vertx;
    private final NotificationConfig config;
    private final MessageView.Sender sender;

    ChannelSenders(MessageRenderer renderer, LetterPdf letterPdf, EmailSender email, SmsGateway sms,
                   PostalProvider postal, Vertx vertx, NotificationConfig config) {
        this.renderer = renderer;
        this.letterPdf = letterPdf;
        this.email = email;
        this.sms = sms;
        this.postal = postal;
        this.vertx = vertx;
        this.config = config;
        NotificationConfig.Sender s = config.sender();
        this.sender = new MessageView.Sender(s.name(), s.email(), s.address(), s.phone());
    }

    private MessageView view(DispatchDeliveries.Job job) {
        return MessageViews.of(job.reminder(), job.contact(), job.channel(), sender, config.sender().paymentLink(),
                config.defaultDeadlineDays());
    }

    Uni<Outcome> send(DispatchDeliveries.Job job) {
        String key = job.deliveryId().toString();
        MessageView view = view(job);
        String template = job.reminder().templateKey();
        RenderedMessage message = renderer.render(template, job.channel(), job.contact().language(), view);
        return switch (job.channel()) {
            case EMAIL -> attachment(template, job, view).chain(pdf -> email.send(new OutgoingEmail(
                            config.sender().email(), job.recipient(), message.subject(), message.html(), message.text(),
                            "<" + key + "@" + config.sender().messageIdDomain() + ">", statementName(job), pdf)))
                    .map(result -> new Outcome(result, null));
            case SMS -> sms.send(key, job.recipient(), message.text()).map(result -> new Outcome(result, null));
            case LETTER, REGISTERED_LETTER -> blocking(() -> letterPdf.toPdf(message.html()))
                    .chain(pdf -> postal.post(key, pdf, job.contact().address(), job.channel() == Channel.REGISTERED_LETTER)
                            .map(result -> new Outcome(result, pdf)));
            case PHONE_TASK, COLLECTION_AGENCY -> throw new IllegalStateException(job.channel() + " carries no message");
        };
    }

    private Uni<byte[]> attachment(String template, DispatchDeliveries.Job job, MessageView view) {
        if (!config.statementAttachedTo().contains(template)) {
            return Uni.createFrom().nullItem();
        }
        String html = renderer.statement(job.contact().language(), view);
        return blocking(() -> letterPdf.toPdf(html));
    }

    private static String statementName(DispatchDeliveries.Job job) {
        String prefix = job.contact().language().code().equals("fr") ? "releve-de-compte-" : "statement-";
        return prefix + job.reminder().businessDate() + ".pdf";
    }

    /** PDF layout is CPU-bound: off the event loop, back on the caller's context for the next transaction. */
    private <T> Uni<T> blocking(Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }
}
