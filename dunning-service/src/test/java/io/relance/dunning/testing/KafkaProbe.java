package io.relance.dunning.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Plain Kafka clients: publish facts as the other services do, read what dunning-service published. */
public final class KafkaProbe {

    /** One record read back: its CloudEvents type and its JSON value. */
    public record Published(String key, String ceType, JsonNode value) {
    }

    private final String bootstrapServers;
    private final ObjectMapper mapper;

    public KafkaProbe(String bootstrapServers, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.mapper = mapper;
    }

    public void publish(RelanceEvent event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes the events in one produce request (they linger until all are sent), so that the broker stores them
     * as one batch and a consumer's poll returns them together.
     */
    public void publishTogether(List<? extends RelanceEvent> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "1000",
                ProducerConfig.BATCH_SIZE_CONFIG, "1000000"), new StringSerializer(), new ByteArraySerializer())) {
            for (RelanceEvent event : events) {
                producer.send(record(event));
            }
            producer.flush();
        }
    }

    private ProducerRecord<String, byte[]> record(RelanceEvent event) {
        EventType type = EventType.of(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/relance/test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
        try {
            return new ProducerRecord<>(type.topic(), null, event.customerId(), mapper.writeValueAsBytes(event), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code topic} from its beginning for {@code customerId} until {@code done} holds, or fails. */
    public List<Published> readUntil(String topic, String customerId, Predicate<List<Published>> done,
                                     Duration timeout) {
        List<Published> records = read(topic, customerId::equals, done, timeout);
        if (!done.test(records)) {
            throw new AssertionError("topic " + topic + " did not have the expected records for " + customerId
                    + " within " + timeout + "; read " + records);
        }
        return records;
    }

    /** Reads {@code topic} for {@code customerId} during {@code duration}, to show nothing more arrives. */
    public List<Published> readFor(String topic, String customerId, Duration duration) {
        return read(topic, customerId::equals, records -> false, duration);
    }

    /** Reads {@code topic} for the customers {@code keys} accepts until {@code done} holds, or the time is up. */
    public List<Published> read(String topic, Predicate<String> keys, Predicate<List<Published>> done,
                                Duration timeout) {
        List<Published> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !done.test(records)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.test(record.key())) {
                        records.add(new Published(record.key(), header(record, CloudEventHeaders.TYPE),
                                json(record.value())));
                    }
                }
            }
        }
        return records;
    }

    private JsonNode json(byte[] value) {
        try {
            return mapper.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
