package io.relance.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.clock.ClockMessageType;
import io.relance.contracts.clock.ClockTick;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that reads the latest tick of the business-clock topic. Every instance follows the one partition on its
 * own (no consumer group: each must see every tick), from the latest tick present when it starts.
 */
final class ReplayClock extends Clock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplayClock.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.BUSINESS_CLOCK, 0);

    private final KafkaConsumer<String, byte[]> consumer;
    private final ObjectMapper mapper;
    private final Thread follower;
    private volatile Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ReplayClock(KafkaConsumer<String, byte[]> consumer, ObjectMapper mapper, Instant first) {
        this.consumer = consumer;
        this.mapper = mapper;
        this.now = first;
        this.follower = new Thread(this::follow, "business-clock");
        this.follower.setDaemon(true);
    }

    /** Reads the latest tick, waiting up to {@code timeout} for one, then follows the topic on a daemon thread. */
    static ReplayClock follow(String bootstrapServers, String clientId, ObjectMapper mapper, Duration timeout) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.assign(List.of(PARTITION));
            long end = consumer.endOffsets(List.of(PARTITION), timeout).getOrDefault(PARTITION, 0L);
            consumer.seek(PARTITION, Math.max(0, end - 1));
            Instant first = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (first == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant tick = read(mapper, record);
                    if (tick != null && (first == null || tick.isAfter(first))) {
                        first = tick;
                    }
                }
            }
            if (first == null) {
                throw new IllegalStateException("replay mode (relance.clock.mode=replay) but no tick on topic "
                        + Topics.BUSINESS_CLOCK + " within " + timeout.toSeconds()
                        + " s: the replay publishes the first tick before it starts the services");
            }
            ReplayClock clock = new ReplayClock(consumer, mapper, first);
            clock.follower.start();
            LOG.infof("business clock: replay mode, now %s", first);
            return clock;
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    private void follow() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Instant tick = read(mapper, record);
                    if (tick == null) {
                        continue;
                    }
                    if (tick.isBefore(now)) {
                        LOG.warnf("business clock: tick %s is earlier than %s, ignored (the clock never goes back)", tick, now);
                    } else if (tick.isAfter(now)) {
                        now = tick;
                        listeners.forEach(ReplayClock::tell);
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    /** The tick a record carries, or null (logged) for a record that is not a tick this version understands. */
    private static Instant read(ObjectMapper mapper, ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        if (record.value() == null || ClockMessageType.fromCeType(ceType).isEmpty()) {
            LOG.warnf("business clock: record at offset %d ignored (ce_type %s)", record.offset(), ceType);
            return null;
        }
        try {
            return mapper.readValue(record.value(), ClockTick.class).now();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("business clock: record at offset %d ignored: %s", record.offset(), e.getMessage());
            return null;
        }
    }

    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    private static void tell(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warnf("business clock: a listener failed: %s", e.toString());
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the business clock is read in UTC; convert with the business zone");
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
