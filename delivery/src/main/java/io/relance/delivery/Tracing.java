package io.relance.delivery;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The spans of the delivery mechanism (the relay's publish, the inbox's processing) and the W3C {@code traceparent}
 * they travel in: stored with the outbox row, then carried as a Kafka header.
 */
@ApplicationScoped
class Tracing {

    static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> TRACEPARENT_ONLY = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.relance.delivery");
    }

    /** The traceparent of the current context (the request or event being handled), or null outside any trace. */
    static String currentTraceparent() {
        return traceparent(Context.current());
    }

    /** The context a traceparent stands for; the root context for null or a malformed value. */
    static Context context(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, TRACEPARENT_ONLY);
    }

    static String traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Starts the span of one record's send to Kafka, a child of the context that wrote the outbox row. */
    Span publishing(Context parent, String topic, String key, String eventId) {
        return tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("messaging.message.id", eventId)
                .startSpan();
    }

    /**
     * Runs {@code work} inside a consumer span, child of {@code parent} (the received record's context): spans made
     * while it runs, and the outbox rows it writes, continue the same trace.
     */
    <T> Uni<T> processing(Context parent, String topic, String consumerGroup, Supplier<Uni<T>> work) {
        return processing(parent, List.of(), topic, consumerGroup, work);
    }

    /**
     * Runs the work of a batch of records inside one consumer span, child of {@code parent} (the first record's
     * context) and linked to the contexts of the {@code others}, so that every record's trace leads to it.
     */
    <T> Uni<T> processing(Context parent, List<Context> others, String topic, String consumerGroup,
                          Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.consumer.group.name", consumerGroup);
            if (!others.isEmpty()) {
                builder.setAttribute("messaging.batch.message_count", others.size() + 1L);
                others.stream().map(Span::fromContext).map(Span::getSpanContext)
                        .filter(SpanContext::isValid).forEach(builder::addLink);
            }
            Span span = builder.startSpan();
            // Quarkus keeps the current context on the record's Vert.x context, so it holds across the asynchronous steps.
            Scope scope = parent.with(span).makeCurrent();
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                scope.close();
                failed(span, e);
                throw e;
            }
            return started.onTermination().invoke((item, failure, cancelled) -> {
                scope.close();
                if (failure != null) {
                    failed(span, failure);
                } else {
                    span.end();
                }
            });
        });
    }

    static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.toString());
        span.end();
    }
}
