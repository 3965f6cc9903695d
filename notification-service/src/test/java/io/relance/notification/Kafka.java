package io.relance.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.servers.RelanceServersTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/** Publishes events as the other services do (CloudEvents headers, JSON, customer id as key) and reads topics back. */
final class Kafka {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private Kafka() {
    }

    static String bootstrapServers() {
        return RelanceServersTestResource.servers().kafka().bootstrapServers();
    }

    static void publish(RelanceEvent event) {
        EventType type = EventType.of(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/relance/test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TIME, event.occurredAt().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            send(new ProducerRecord<>(type.topic(), null, event.customerId(), JSON.writeValueAsBytes(event), headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compacted topic's tombstone: the key and no value. */
    static void tombstone(String topic, String key) {
        send(new ProducerRecord<>(topic, null, key, null, new RecordHeaders()));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records of the topic keyed by this customer, read until {@code enough} holds or the timeout passes. */
    static List<ConsumerRecord<String, String>> read(String topic, String customerId, Duration timeout,
                                                     Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !enough.test(found)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (customerId.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
