package io.relance.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.relance.contracts.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes committed outbox rows to Kafka, then deletes them, in one database transaction per batch.
 * A crash after the publish and before the commit publishes the batch again: consumers are idempotent.
 * Lanes are claimed with FOR UPDATE SKIP LOCKED, so several instances share the work and the rows of one
 * record key are published by one instance at a time, in the order they were written.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM_LANES = "SELECT lane FROM outbox_lane ORDER BY lane FOR UPDATE SKIP LOCKED";
    private static final String PENDING = """
            SELECT id, event_id, topic, record_key, ce_type, ce_source, occurred_at, payload, traceparent
            FROM outbox_event WHERE lane = ANY($1) ORDER BY id LIMIT $2""";
    private static final String DELETE = "DELETE FROM outbox_event WHERE id = ANY($1)";
    private static final String NOTIFY_CHANNEL = "relance_outbox";
    private static final String BACKLOG = "SELECT count(*), min(created_at) FROM outbox_event";

    private final Pool pool;
    private final Vertx vertx;
    private final KafkaPublisher publisher;
    private final DeliveryConfig config;
    private final MeterRegistry registry;
    private final Tracing tracing;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<OffsetDateTime> oldest = new AtomicReference<>();
    private Repeater relay;
    private PgSubscriber notifications;

    OutboxRelay(Pool pool, Vertx vertx, KafkaPublisher publisher, DeliveryConfig config, MeterRegistry registry,
                Tracing tracing) {
        this.pool = pool;
        this.vertx = vertx;
        this.publisher = publisher;
        this.config = config;
        this.registry = registry;
        this.tracing = tracing;
        Gauge.builder("relance.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows written but not yet published").register(registry);
        Gauge.builder("relance.outbox.oldest.age", oldest, OutboxRelay::ageSeconds)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row").register(registry);
    }

    /**
     * Starts the relay: a round {@code poll-interval} after the last, and one as soon as a transaction that wrote
     * outbox rows commits (PostgreSQL {@code NOTIFY relance_outbox}, sent by a trigger at commit).
     */
    void start(@Observes StartupEvent event, DatasourceAddress datasource) {
        if (!config.relayEnabled()) {
            return;
        }
        relay = Repeater.start(vertx, "outbox relay", Duration.ofSeconds(1), config.pollInterval(), this::poll);
        notifications = PgSubscriber.subscriber(vertx, datasource.options())
                .reconnectPolicy(attempts -> 1_000L);
        notifications.channel(NOTIFY_CHANNEL).handler(payload -> relay.runNow());
        notifications.connect().onFailure(e -> LOG.warnf("outbox relay: no wake-up on commit (polls only): %s", e.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
        if (notifications != null) {
            notifications.close();
        }
    }

    Uni<Void> poll() {
        return drain()
                .onFailure().invoke(e -> LOG.warnf("outbox relay will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measureBacklog() {
        return pool.query(BACKLOG).execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    oldest.set(row.getOffsetDateTime(1));
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Publishes pending rows until none is left that this instance may claim; returns how many it published. */
    public Uni<Long> drain() {
        AtomicLong total = new AtomicLong();
        return Uni.createFrom().deferred(this::publishBatch)
                .invoke(total::addAndGet)
                .repeat().whilst(count -> count == config.batchSize())
                .collect().last()
                .map(ignored -> total.get());
    }

    private Uni<Integer> publishBatch() {
        Context context = vertx.getOrCreateContext();
        return pool.withTransaction(connection -> claimLanes(connection)
                .chain(lanes -> lanes.length == 0
                        ? Uni.createFrom().item(List.<Row>of())
                        : pending(connection, lanes))
                .chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(0)
                        : publish(rows)
                        // Kafka acknowledges on its own thread; the SQL connection belongs to a Vert.x context.
                        .emitOn(command -> context.runOnContext(ignored -> command.run()))
                        .chain(() -> delete(connection, rows))
                        .invoke(() -> rows.forEach(row -> counter(row.getString("ce_type")).increment()))
                        .replaceWith(rows.size())));
    }

    /** Sends the rows, each in a producer span that ends when Kafka has acknowledged the batch (or it failed). */
    private Uni<Void> publish(List<Row> rows) {
        List<Span> spans = new ArrayList<>(rows.size());
        List<ProducerRecord<String, byte[]>> records = rows.stream().map(row -> toRecord(row, spans)).toList();
        return publisher.publish(records).onItemOrFailure().invoke((ignored, failure) -> spans.forEach(span -> {
            if (failure != null) {
                Tracing.failed(span, failure);
            } else {
                span.end();
            }
        }));
    }

    private static Uni<Short[]> claimLanes(SqlConnection connection) {
        return connection.query(CLAIM_LANES).execute().map(rows -> {
            List<Short> lanes = new ArrayList<>();
            rows.forEach(row -> lanes.add(row.getShort(0)));
            return lanes.toArray(Short[]::new);
        });
    }

    private Uni<List<Row>> pending(SqlConnection connection, Short[] lanes) {
        return connection.preparedQuery(PENDING).execute(Tuple.of(lanes, config.batchSize())).map(rows -> {
            List<Row> list = new ArrayList<>(rows.size());
            rows.forEach(list::add);
            return list;
        });
    }

    private static Uni<Void> delete(SqlConnection connection, List<Row> rows) {
        Long[] ids = rows.stream().map(row -> row.getLong("id")).toArray(Long[]::new);
        return connection.preparedQuery(DELETE).execute(Tuple.of(ids)).replaceWithVoid();
    }

    private ProducerRecord<String, byte[]> toRecord(Row row, List<Span> spans) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, row.getUUID("event_id").toString());
        String payload = row.getString("payload");
        if (payload == null) {
            // A tombstone: its id lets consumers apply it once; it carries no type, no time, no body.
            header(headers, CloudEventHeaders.SOURCE, row.getString("ce_source"));
            return new ProducerRecord<>(row.getString("topic"), null, row.getString("record_key"), null, headers);
        }
        header(headers, CloudEventHeaders.TYPE, row.getString("ce_type"));
        header(headers, CloudEventHeaders.SOURCE, row.getString("ce_source"));
        header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.getOffsetDateTime("occurred_at")));
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        // The send continues the trace of the request that wrote the row; consumers continue the send's.
        io.opentelemetry.context.Context parent = Tracing.context(row.getString("traceparent"));
        Span span = tracing.publishing(parent, row.getString("topic"), row.getString("record_key"),
                row.getUUID("event_id").toString());
        spans.add(span);
        String traceparent = Tracing.traceparent(parent.with(span));
        if (traceparent != null) {
            header(headers, Tracing.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("record_key"),
                payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Counter counter(String ceType) {
        return published.computeIfAbsent(ceType, type -> Counter.builder("relance.events.published")
                .description("Events published to Kafka from the outbox").tag("type", type).register(registry));
    }

    private static double ageSeconds(AtomicReference<OffsetDateTime> oldest) {
        OffsetDateTime value = oldest.get();
        return value == null ? 0 : Duration.between(value, OffsetDateTime.now()).toMillis() / 1000.0;
    }
}
