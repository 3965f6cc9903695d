package io.relance.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sheds load instead of queueing it: beyond {@code relance.http.max-in-flight} requests, or
 * {@code relance.http.max-in-flight-bytes} of request bodies, in progress at once, a request is answered at once
 * with a 503 problem document and {@code Retry-After}, before its body is read. Without it, requests offered faster
 * than they are served pile up in memory until the heap is exhausted (invoice-service died that way under the
 * platform benchmark). Health, metrics and the other {@code /q/} endpoints are never shed: probes must answer.
 */
@ApplicationScoped
public class LoadShedding {

    static final String PROBLEM_TYPE = "https://relance.io/problems/service-busy";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private final InFlightBudget budget;
    private final long maxBodyBytes;
    private final String retryAfterSeconds;
    private final Map<InFlightBudget.Admission, byte[]> problems = new EnumMap<>(InFlightBudget.Admission.class);
    private final Map<InFlightBudget.Admission, Counter> shed = new EnumMap<>(InFlightBudget.Admission.class);

    LoadShedding(@ConfigProperty(name = "relance.http.max-in-flight", defaultValue = "64") int maxRequests,
                 @ConfigProperty(name = "relance.http.max-in-flight-bytes", defaultValue = "16M") MemorySize maxBytes,
                 @ConfigProperty(name = "relance.http.retry-after", defaultValue = "1s") Duration retryAfter,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize maxBodySize,
                 ObjectMapper mapper, MeterRegistry registry) throws JsonProcessingException {
        this.budget = new InFlightBudget(maxRequests, maxBytes.asLongValue());
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.retryAfterSeconds = Long.toString(Math.max(1, retryAfter.toSeconds()));
        problems.put(InFlightBudget.Admission.TOO_MANY_REQUESTS, problem(mapper, "requests",
                "must be at most " + maxRequests + " in progress at once"));
        problems.put(InFlightBudget.Admission.TOO_MANY_BYTES, problem(mapper, "body",
                "request bodies in progress must total at most " + maxBytes.asLongValue() + " bytes"));
        for (InFlightBudget.Admission refusal : List.of(InFlightBudget.Admission.TOO_MANY_REQUESTS, InFlightBudget.Admission.TOO_MANY_BYTES)) {
            shed.put(refusal, Counter.builder("relance.http.requests.shed")
                    .description("Requests refused with 503 because the service already had as many in progress as it allows")
                    .tag("bound", refusal == InFlightBudget.Admission.TOO_MANY_REQUESTS ? "requests" : "bytes")
                    .register(registry));
        }
        Gauge.builder("relance.http.requests.in.flight", budget, InFlightBudget::requests)
                .description("Requests in progress (taken and not yet answered), health and metrics excepted")
                .register(registry);
    }

    private byte[] problem(ObjectMapper mapper, String field, String rule) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", "Service busy");
        problem.put("status", 503);
        problem.put("detail", "too much work in progress: nothing was read or stored; retry after " + retryAfterSeconds + " s");
        problem.put("errors", List.of(Map.of("field", field, "message", rule)));
        return mapper.writeValueAsBytes(problem);
    }

    void install(@Observes Router router) {
        // Right after the oversized-body check (MIN_VALUE + 1), before anything reads the body or routes the request.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (context.request().path().startsWith("/q/")) {
            context.next();
            return;
        }
        long bodyBytes = declaredBodyBytes(context.request());
        InFlightBudget.Admission admission = budget.take(bodyBytes);
        if (admission != InFlightBudget.Admission.TAKEN) {
            shed.get(admission).increment();
            context.response().setStatusCode(503)
                    .putHeader("Content-Type", PROBLEM_MEDIA_TYPE)
                    .putHeader("Retry-After", retryAfterSeconds);
            // An HTTP/2 connection carries other requests' streams: ending this stream alone discards its body.
            if (bodyBytes == 0 || context.request().version() == HttpVersion.HTTP_2) {
                context.response().end(Buffer.buffer(problems.get(admission)));
                return;
            }
            context.response().putHeader("Connection", "close")
                    .end(Buffer.buffer(problems.get(admission)))
                    // The unread body is not wanted: close rather than wait for it on a kept-alive connection.
                    .onComplete(ignored -> context.request().connection().close());
            return;
        }
        // Called once, when the response is sent or the connection is lost.
        context.addEndHandler(ignored -> budget.release(bodyBytes));
        context.next();
    }

    /** The announced body length; a chunked body of unknown length counts as the largest the service accepts. */
    private long declaredBodyBytes(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                return Math.max(0, Long.parseLong(length.trim()));
            } catch (NumberFormatException e) {
                return maxBodyBytes;
            }
        }
        return request.getHeader("Transfer-Encoding") != null ? maxBodyBytes : 0;
    }
}
