package io.relance.kpi.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relance.contracts.EventType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer metrics the other services get from delivery's Inbox, for the topology: events applied or skipped as
 * duplicates per type ({@code relance_events_consumed_total}) and records dead-lettered because they cannot be read
 * ({@code relance_dead_letters_total{reason="undecodable"}}). Every series exists from the start, at 0.
 */
final class StreamMetrics {

    private final MeterRegistry registry;
    private final Map<EventType, Counter> applied = new ConcurrentHashMap<>();
    private final Map<EventType, Counter> duplicates = new ConcurrentHashMap<>();
    private final Counter undecodable;

    StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EventType type : EventType.values()) {
            if (KpiTopology.SOURCES.contains(type.topic())) {
                applied.put(type, consumed(registry, type, "applied"));
                duplicates.put(type, consumed(registry, type, "duplicate"));
            }
        }
        undecodable = Counter.builder("relance.dead.letters")
                .description("Records sent to this service's dead-letter topic, per class of reason")
                .tag("reason", "undecodable").register(registry);
    }

    private static Counter consumed(MeterRegistry registry, EventType type, String outcome) {
        return Counter.builder("relance.events.consumed")
                .description("Events consumed, by type and outcome (applied, or duplicate: already applied)")
                .tag("type", type.ceType()).tag("outcome", outcome).register(registry);
    }

    void applied(EventType type) {
        applied.computeIfAbsent(type, t -> consumed(registry, t, "applied")).increment();
    }

    void duplicate(EventType type) {
        duplicates.computeIfAbsent(type, t -> consumed(registry, t, "duplicate")).increment();
    }

    void undecodable() {
        undecodable.increment();
    }
}
