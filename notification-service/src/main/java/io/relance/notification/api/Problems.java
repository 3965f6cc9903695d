package io.relance.notification.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.relance.notification.rendering.UnknownTemplateException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/** Maps every failure a caller can cause to a problem document; nothing reaches the caller as a stack trace. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    static final String BASE = "https://relance.io/problems/";

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.rule())));
    }

    @ServerExceptionMapper
    public Response unknownTemplate(UnknownTemplateException e) {
        return problem(404, "unknown-template", "Unknown template", e.getMessage(),
                List.of(new Problem.FieldError("key", "must name a template that exists for this channel and language")));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return problem(401, "unauthenticated", "Unauthenticated", "a valid bearer token is required", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Forbidden", "the token's roles do not allow this operation", List.of());
    }

    /** Anything unforeseen: logged with an id the caller can quote, never shown as a stack trace. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return problem(500, "internal-error", "Internal error", "incident " + incident, List.of());
    }

    static Response problem(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(BASE + type, title, status, detail, errors)).build();
    }
}
