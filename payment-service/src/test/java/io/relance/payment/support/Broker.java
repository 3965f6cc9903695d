package io.relance.payment.support;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** The test's own producer and consumer on the real broker, speaking the wire format of the contracts. */
public final class Broker {

    private final ObjectMapper mapper;

    public Broker(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static String bootstrap() {
        return RelanceServersTestResource.servers().kafka().bootstrapServers();
    }

    /** Publishes an event as invoice-service's outbox relay would: key, CloudEvents headers, JSON value. */
    public void publish(RelanceEvent event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()), new StringSerializer(), new StringSerializer())) {
            producer.send(record(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event, e);
        }
    }

    /**
     * Publishes the events in one produce request (they linger until all are sent), so that the broker stores them
     * as one batch and a consumer's poll returns them together.
     */
    public void publishTogether(List<? extends RelanceEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, "1000",
                ProducerConfig.BATCH_SIZE_CONFIG, "1000000"), new StringSerializer(), new StringSerializer())) {
            for (RelanceEvent event : events) {
                producer.send(record(event));
            }
            producer.flush();
        }
    }

    private ProducerRecord<String, String> record(RelanceEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.customerId(),
                    mapper.writeValueAsString(event));
            record.headers().add(CloudEventHeaders.ID, bytes(event.eventId().toString()))
                    .add(CloudEventHeaders.TYPE, bytes(type.ceType()))
                    .add(CloudEventHeaders.SOURCE, bytes("/relance/test"))
                    .add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()))
                    .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
            return record;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + event, e);
        }
    }

    /** Records of {@code topic} keyed by {@code customer} that satisfy {@code wanted}, until {@code count} or the timeout. */
    public List<ConsumerRecord<String, String>> read(String topic, String customer, int count, Duration timeout,
                                                     Predicate<ConsumerRecord<String, String>> wanted) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && found.size() < count) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (customer.equals(r.key()) && wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
