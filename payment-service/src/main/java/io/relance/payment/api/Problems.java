package io.relance.payment.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.relance.payment.application.CheckoutNotFoundException;
import io.relance.payment.application.ConflictingPaymentException;
import io.relance.payment.application.PaymentNotFoundException;
import io.relance.payment.application.PaymentStateException;
import io.relance.payment.application.StatementRejectedException;
import io.relance.payment.domain.PaymentLinkRejected;
import io.relance.payment.domain.PaymentRuleViolation;
import io.relance.payment.domain.WebhookRejected;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure a caller can cause to a problem document; nothing reaches the caller as a stack trace. */
public class Problems {

    static final String BASE = "https://relance.io/problems/";
    private static final Logger LOG = Logger.getLogger(Problems.class);

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
    public Response ruleBroken(PaymentRuleViolation e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.rule())));
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
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String rule = e instanceof InputBounds.OutOfBoundsException bounds ? bounds.rule()
                : e instanceof InvalidFormatException format
                ? "must be a valid " + format.getTargetType().getSimpleName() + ", got '" + format.getValue() + "'"
                : "has an unreadable value";
        return problem(400, "invalid-request", "Invalid request", field + " " + rule,
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, rule)));
    }

    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return problem(400, "invalid-json", "Body is not valid JSON", e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "must be valid JSON")));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictingPaymentException e) {
        return problem(409, "conflicting-payment", "Idempotency key already used for another payment", e.getMessage(),
                e.differingFields().stream().map(f -> new Problem.FieldError(f, "differs from the payment already recorded under this key")).toList());
    }

    @ServerExceptionMapper
    public Response wrongState(PaymentStateException e) {
        return problem(409, "payment-state", "Not possible in the payment's current state", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response statementRejected(StatementRejectedException e) {
        int status = e.tooLarge() ? 413 : 400;
        return problem(status, e.tooLarge() ? "statement-too-large" : "invalid-statement",
                "Bank statement refused; nothing was imported", e.getMessage(), List.of(new Problem.FieldError("file", e.rule())));
    }

    @ServerExceptionMapper
    public Response linkRejected(PaymentLinkRejected e) {
        return e.expired()
                ? problem(410, "payment-link-expired", "Payment link expired", e.getMessage(), List.of(new Problem.FieldError("token", "has expired")))
                : problem(403, "payment-link-invalid", "Payment link not valid", e.getMessage(),
                List.of(new Problem.FieldError("token", "must be a payment link we issued, unaltered")));
    }

    /** Logged without the body or any header value: a refused webhook may still carry a payer's data. */
    @ServerExceptionMapper
    public Response webhookRejected(WebhookRejected e) {
        LOG.warnf("webhook refused: %s", e.getMessage());
        return problem(401, "webhook-signature", "Webhook signature refused", e.getMessage(),
                List.of(new Problem.FieldError("signature", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(problem(429, "rate-limited", "Too many requests", e.getMessage(), List.of()))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response checkoutNotFound(CheckoutNotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response paymentNotFound(PaymentNotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
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
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return problem(500, "internal-error", "Internal error", "incident " + incident, List.of());
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Paths look like "record.request.amount" or "record.idempotencyKey": the caller knows only the last part.
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        return last.startsWith("arg") || last.equals("request") ? "body" : last;
    }

    static Response problem(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(BASE + type, title, status, detail, errors)).build();
    }
}
