package io.relance.dunning.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.relance.dunning.application.UnknownInvoiceException;
import io.relance.dunning.domain.DunningRuleViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps every failure a caller can cause to a problem document; nothing reaches the caller as a stack trace. */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    static final String BASE = "https://relance.io/problems/";

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "invalid-request", "Invalid request",
                errors.stream().map(err -> err.field() + " " + err.rule()).collect(Collectors.joining("; ")), errors);
    }

    @ServerExceptionMapper
    public Response ruleBroken(DunningRuleViolation e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.rule())));
    }

    @ServerExceptionMapper
    public Response unknownInvoice(UnknownInvoiceException e) {
        return problem(404, "unknown-invoice", "Unknown invoice", e.getMessage(),
                List.of(new Problem.FieldError("invoiceId", "must name an invoice known to dunning")));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** Quarkus REST wraps body-reading failures in a WebApplicationException; unwrap them into problems too. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return notJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException limit) {
            // Nesting deeper than 1,000 or a number longer than 1,000 digits: Jackson's stream limits.
            return problem(400, "invalid-json", "Body is not valid JSON", limit.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "must be JSON within the parser's limits: "
                            + limit.getOriginalMessage())));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return problem(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        });
        String rule = "has an unreadable value";
        if (e instanceof InputBounds.OutOfBoundsException bounds) {
            rule = bounds.rule();
        } else if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            rule = target.isEnum()
                    ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + "; got '" + format.getValue() + "'"
                    : "must be a valid " + target.getSimpleName() + ", got '" + format.getValue() + "'";
        }
        String name = field.isEmpty() ? "body" : field.toString();
        return problem(400, "invalid-request", "Invalid request", name + " " + rule,
                List.of(new Problem.FieldError(name, rule)));
    }

    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return problem(400, "invalid-json", "Body is not valid JSON", e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "must be valid JSON")));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
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

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Paths look like "define.request.steps[0].offsetDays": the caller knows only the part after the argument.
        String[] parts = path.split("\\.", 3);
        String last = parts.length == 3 ? parts[2] : parts[parts.length - 1];
        return last.startsWith("arg") || last.equals("request") ? "body" : last;
    }

    private static Response problem(int status, String type, String title, String detail,
                                    List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(BASE + type, title, status, detail, errors)).build();
    }
}
