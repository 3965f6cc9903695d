package io.relance.invoice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a problem document before
 * it is read, where the HTTP layer would answer a bare 413. The limit fits a batch of 1,000 invoices.
 */
@ApplicationScoped
public class OversizedBodies {

    private final long limit;
    private final byte[] problem;

    OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper mapper)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.problem = mapper.writeValueAsBytes(new Problem(Problems.BASE + "body-too-large", "Request body too large",
                413, "nothing was read or stored", List.of(new Problem.FieldError("body",
                "must be at most " + this.limit + " bytes"))));
    }

    void install(@Observes Router router) {
        // Before the HTTP layer's own length check, which ends the exchange with an empty 413.
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isAbove(length)) {
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Buffer.buffer(problem))
                        // The unread body is not wanted: close rather than wait for it on a kept-alive connection.
                        .onComplete(ignored -> context.request().connection().close());
            } else {
                context.next();
            }
        });
    }

    private boolean isAbove(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
