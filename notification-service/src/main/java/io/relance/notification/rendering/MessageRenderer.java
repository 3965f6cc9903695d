package io.relance.notification.rendering;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Language;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Renders the templates under {@code templates/<language>/<key>/}: {@code subject.txt}, {@code body.html},
 * {@code body.txt} (e-mail), {@code sms.txt} (SMS), and {@code body.html} again inside
 * {@code <language>/layout/letter.html} (letters). Tone is chosen inside each template. HTML templates escape
 * every value; their body is then placed, already escaped, in the language's layout.
 */
@ApplicationScoped
public class MessageRenderer {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Engine engine;

    public MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    public boolean exists(String key, Channel channel, Language language) {
        return switch (channel) {
            case EMAIL -> find(language, key, "subject.txt") != null && find(language, key, "body.html") != null
                    && find(language, key, "body.txt") != null;
            case SMS -> find(language, key, "sms.txt") != null;
            case LETTER, REGISTERED_LETTER -> find(language, key, "body.html") != null;
            case PHONE_TASK, COLLECTION_AGENCY -> false;
        };
    }

    public RenderedMessage render(String key, Channel channel, Language language, MessageView view) {
        if (!exists(key, channel, language)) {
            throw new UnknownTemplateException("no template '" + key + "' for " + channel + " in " + language.code());
        }
        return switch (channel) {
            case EMAIL -> new RenderedMessage(
                    render(find(language, key, "subject.txt"), view).strip().replaceAll("\\s+", " "),
                    layout(language, "email.html", view, render(find(language, key, "body.html"), view)),
                    render(find(language, key, "body.txt"), view).strip() + "\n");
            case SMS -> new RenderedMessage(null, null,
                    render(find(language, key, "sms.txt"), view).strip().replaceAll("\\s+", " "));
            case LETTER, REGISTERED_LETTER -> new RenderedMessage(null,
                    layout(language, "letter.html", view, render(find(language, key, "body.html"), view)), null);
            case PHONE_TASK, COLLECTION_AGENCY -> throw new UnknownTemplateException(channel + " carries no message");
        };
    }

    /** The statement attached to e-mails that ask for it: the invoices and totals, as an HTML page for the PDF. */
    public String statement(Language language, MessageView view) {
        return layout(language, "statement.html", view, "");
    }

    private String layout(Language language, String name, MessageView view, String body) {
        Template layout = engine.getTemplate(language.code() + "/layout/" + name);
        if (layout == null) {
            throw new UnknownTemplateException("no layout " + name + " in " + language.code());
        }
        return layout.data("m", view).data("body", new RawString(body)).render();
    }

    private static String render(Template template, MessageView view) {
        return template.data("m", view).render();
    }

    private Template find(Language language, String key, String file) {
        if (!KEY.matcher(key).matches()) {
            return null;
        }
        return engine.getTemplate(language.code() + "/" + key + "/" + file);
    }
}
