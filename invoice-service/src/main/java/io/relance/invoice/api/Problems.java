package io.relance.invoice.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.relance.invoice.application.ConflictException;
import io.relance.invoice.application.ConflictingInvoiceException;
import io.relance.invoice.application.UnknownCustomerException;
import io.relance.invoice.application.UnknownDisputeException;
import io.relance.invoice.application.UnknownInvoiceException;
import io.relance.invoice.application.UnprocessableException;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.RuleViolations;
import io.relance.invoice.domain.customer.ErasedCustomerException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        return respond(invalid(errors));
    }

    @ServerExceptionMapper
    public Response ruleBroken(InvoiceRuleViolation e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response rulesBroken(RuleViolations e) {
        return respond(describe(e).orElseThrow());
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
            return respond(new Problem(BASE + "invalid-json", "Body is not valid JSON", 400, limit.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "must be JSON within the parser's limits: "
                            + limit.getOriginalMessage()))));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return respond(new Problem(BASE + "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), status, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response notJson(JsonParseException e) {
        return respond(new Problem(BASE + "invalid-json", "Body is not valid JSON", 400, e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "must be valid JSON"))));
    }

    @ServerExceptionMapper
    public Response conflictingInvoice(ConflictingInvoiceException e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response erased(ErasedCustomerException e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response unknownCustomer(UnknownCustomerException e) {
        return respond(new Problem(BASE + "unknown-customer", "Unknown customer", 404, e.getMessage(),
                List.of(new Problem.FieldError("customerId", "must name an existing customer"))));
    }

    @ServerExceptionMapper
    public Response unknownInvoice(UnknownInvoiceException e) {
        return respond(new Problem(BASE + "unknown-invoice", "Unknown invoice", 404, e.getMessage(),
                List.of(new Problem.FieldError("invoiceId", "must name an existing invoice"))));
    }

    @ServerExceptionMapper
    public Response unknownDispute(UnknownDisputeException e) {
        return respond(new Problem(BASE + "unknown-dispute", "Unknown dispute", 404, e.getMessage(),
                List.of(new Problem.FieldError("disputeId", "must name an existing dispute"))));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e) {
        return respond(describe(e).orElseThrow());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(new Problem(BASE + "not-found", "Not found", 404, e.getMessage(), List.of()));
    }

    /** A failure no rule foresaw: the caller gets an incident id to quote, the log the cause; never a stack trace. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(new Problem(BASE + "internal-error", "Internal error", 500, "incident " + incident, List.of()));
    }

    /** The problem a caller caused, for one item of a batch as for a whole request; empty when it is not the caller's. */
    static Optional<Problem> describe(Throwable e) {
        if (e instanceof InvoiceRuleViolation rule) {
            return Optional.of(invalid(List.of(new Problem.FieldError(rule.field(), rule.rule()))));
        }
        if (e instanceof RuleViolations rules) {
            return Optional.of(invalid(rules.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule())).toList()));
        }
        if (e instanceof JsonMappingException mapping) {
            return Optional.of(invalid(List.of(fieldError(mapping))));
        }
        if (e instanceof ConflictingInvoiceException conflict) {
            return Optional.of(new Problem(BASE + "conflicting-invoice", "Invoice already issued with other content",
                    409, e.getMessage(), conflict.differingFields().stream()
                    .map(f -> new Problem.FieldError(f, "differs from the invoice already issued")).toList()));
        }
        if (e instanceof ConflictException conflict) {
            return Optional.of(new Problem(BASE + "conflict", "Conflicts with what is stored", 409, e.getMessage(),
                    conflict.fields().stream().map(f -> new Problem.FieldError(f, "conflicts with what is stored")).toList()));
        }
        if (e instanceof ErasedCustomerException) {
            return Optional.of(new Problem(BASE + "erased-customer", "Customer erased", 409, e.getMessage(),
                    List.of(new Problem.FieldError("customerId", "names a customer whose personal data was erased"))));
        }
        if (e instanceof UnprocessableException unprocessable) {
            return Optional.of(new Problem(BASE + "unprocessable", "Refers to something that does not exist", 422,
                    e.getMessage(), List.of(new Problem.FieldError(unprocessable.field(), unprocessable.rule()))));
        }
        return Optional.empty();
    }

    /** The field a JSON body could not be read into, and why. */
    static Problem.FieldError fieldError(JsonMappingException mapping) {
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        String rule = mapping instanceof InputBounds.OutOfBoundsException bounds ? bounds.rule()
                : mapping instanceof InvalidFormatException format
                ? "must be " + expected(format.getTargetType()) + ", got '" + format.getValue() + "'"
                : "has an unreadable value";
        return new Problem.FieldError(field.isEmpty() ? "body" : field, rule);
    }

    private static String expected(Class<?> type) {
        if (type == java.math.BigDecimal.class) {
            return "a decimal number such as \"1200.50\"";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as YYYY-MM-DD";
        }
        return "a valid " + type.getSimpleName();
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static Problem invalid(List<Problem.FieldError> errors) {
        return new Problem(BASE + "invalid-request", "Invalid request", 400,
                errors.stream().map(err -> err.field() + " " + err.rule()).collect(Collectors.joining("; ")), errors);
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Paths look like "issue.request.amount": the caller knows only the last part.
        int dot = path.lastIndexOf('.');
        String last = dot < 0 ? path : path.substring(dot + 1);
        return last.startsWith("arg") || last.equals("request") ? "body" : last;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
