package io.relance.payment.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.relance.payment.config.PaymentConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A body announced larger than its limit is refused with a problem document before it is read, where the HTTP layer
 * would answer a bare 413: statements above the HTTP limit (a 100 MB file, say), every other body (JSON, webhooks)
 * above {@code relance.payment.json-max-bytes}. Statements under the HTTP limit reach their endpoint, which applies
 * its own, smaller limit ({@code relance.payment.statement-max-bytes}).
 */
@ApplicationScoped
public class OversizedBodies {

    private static final String STATEMENTS = "/statements";

    private final long statementLimit;
    private final long jsonLimit;
    private final byte[] statementProblem;
    private final byte[] jsonProblem;

    OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, PaymentConfig config,
                    ObjectMapper mapper) throws JsonProcessingException {
        this.statementLimit = limit.asLongValue();
        this.jsonLimit = Math.min(config.jsonMaxBytes(), statementLimit);
        this.statementProblem = problem(mapper, statementLimit);
        this.jsonProblem = problem(mapper, jsonLimit);
    }

    private static byte[] problem(ObjectMapper mapper, long limit) throws JsonProcessingException {
        return mapper.writeValueAsBytes(new Problem(Problems.BASE + "body-too-large", "Request body too large",
                413, "nothing was read or imported", List.of(new Problem.FieldError("body",
                "must be at most " + limit + " bytes"))));
    }

    void install(@Observes Router router) {
        // Before the HTTP layer's own length check, which ends the exchange with an empty 413.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            boolean statement = context.request().path().equals(STATEMENTS);
            if (length != null && isAbove(length, statement ? statementLimit : jsonLimit)) {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Buffer.buffer(statement ? statementProblem : jsonProblem))
                        // The unread body is not wanted: close rather than wait for it on a kept-alive connection.
                        .onComplete(ignored -> context.request().connection().close());
            } else {
                context.next();
            }
        });
    }

    private static boolean isAbove(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
