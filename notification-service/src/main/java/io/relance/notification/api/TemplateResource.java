package io.relance.notification.api;

import io.relance.notification.application.PreviewTemplate;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.SmsText;
import io.relance.notification.domain.Tone;
import io.relance.notification.rendering.RenderedMessage;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/templates/{key}")
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
public class TemplateResource {

    /** A rendered template; {@code smsSegments} only for SMS. */
    public record PreviewResponse(String key, Channel channel, String language, Tone tone, String subject, String html,
                                  String text, Integer smsSegments) {
    }

    private final PreviewTemplate preview;

    TemplateResource(PreviewTemplate preview) {
        this.preview = preview;
    }

    @GET
    @Path("/preview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renders a template with sample data: subject, HTML and text as the debtor would receive them")
    public PreviewResponse preview(@PathParam("key") String key, @QueryParam("channel") String channel,
                                   @QueryParam("language") String language, @QueryParam("tone") String tone) {
        Channel c = Parameters.oneOf("channel", channel, Channel.class);
        Language l = Parameters.oneOf("language", language, Language.class);
        Tone t = Parameters.oneOf("tone", tone, Tone.class);
        RenderedMessage message = preview.render(key, c, l, t);
        return new PreviewResponse(key, c, l.code(), t, message.subject(), message.html(), message.text(),
                c == Channel.SMS ? SmsText.segments(message.text()) : null);
    }

    @GET
    @Path("/preview.pdf")
    @Produces("application/pdf")
    @Operation(summary = "Renders a letter template with sample data as the PDF that would be posted")
    public Uni<byte[]> previewLetter(@PathParam("key") String key, @QueryParam("channel") String channel,
                                     @QueryParam("language") String language, @QueryParam("tone") String tone) {
        return preview.letter(key, Parameters.oneOf("channel", channel, Channel.class),
                Parameters.oneOf("language", language, Language.class), Parameters.oneOf("tone", tone, Tone.class));
    }
}
