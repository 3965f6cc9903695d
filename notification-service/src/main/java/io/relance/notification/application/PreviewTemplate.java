package io.relance.notification.application;

import io.relance.notification.config.NotificationConfig;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.Tone;
import io.relance.notification.rendering.LetterPdf;
import io.relance.notification.rendering.MessageRenderer;
import io.relance.notification.rendering.MessageView;
import io.relance.notification.rendering.MessageViews;
import io.relance.notification.rendering.RenderedMessage;
import io.relance.notification.rendering.SampleReminders;
import io.relance.notification.rendering.UnknownTemplateException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Renders any template with the sample customer and statement, as the debtor would receive it. */
@ApplicationScoped
public class PreviewTemplate {

    private final MessageRenderer renderer;
    private final LetterPdf letterPdf;
    private final NotificationConfig config;
    private final Vertx vertx;

    PreviewTemplate(MessageRenderer renderer, LetterPdf letterPdf, NotificationConfig config, Vertx vertx) {
        this.renderer = renderer;
        this.letterPdf = letterPdf;
        this.config = config;
        this.vertx = vertx;
    }

    public RenderedMessage render(String key, Channel channel, Language language, Tone tone) {
        if (!channel.carriesMessage()) {
            throw new UnknownTemplateException(channel + " carries no message: there is nothing to preview");
        }
        return renderer.render(key, channel, language, view(key, channel, language, tone));
    }

    /** A letter as the PDF that would be posted. */
    public Uni<byte[]> letter(String key, Channel channel, Language language, Tone tone) {
        if (!channel.isLetter()) {
            throw new UnknownTemplateException(channel + " is not a letter: only LETTER and REGISTERED_LETTER are PDFs");
        }
        String html = render(key, channel, language, tone).html();
        return vertx.executeBlocking(Uni.createFrom().item(() -> letterPdf.toPdf(html)));
    }

    private MessageView view(String key, Channel channel, Language language, Tone tone) {
        NotificationConfig.Sender s = config.sender();
        return MessageViews.of(SampleReminders.reminder(key, tone, List.of(channel)), SampleReminders.contact(language),
                channel, new MessageView.Sender(s.name(), s.email(), s.address(), s.phone()), s.paymentLink(),
                config.defaultDeadlineDays());
    }
}
