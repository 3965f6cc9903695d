package io.relance.delivery;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Keeps the traces of requests and events, not the background: a database query (or any outgoing call) that starts
 * a trace of its own is dropped. Those are the relay's polls, five a second per service, and scheduled checks; a
 * collector would otherwise receive mostly them. Everything else is sampled as its parent was (always, at the root).
 * Quarkus uses a {@link Sampler} bean in place of {@code quarkus.otel.traces.sampler}.
 */
@Singleton
public class RequestTraceSampler implements Sampler {

    private final Sampler parentBased = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return parentBased.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RequestTraceSampler{root client spans dropped, else " + parentBased.getDescription() + "}";
    }
}
