package io.relance.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one Kafka producer of the delivery mechanism (outbox relay and dead letters): idempotent, acks=all,
 * so a retried send is never written twice and records of one key keep their order.
 */
@ApplicationScoped
class KafkaPublisher {

    private final String bootstrapServers;
    private final String clientId;
    private final DeliveryConfig config;
    private volatile KafkaProducer<String, byte[]> producer;

    KafkaPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                   DeliveryIdentity identity, DeliveryConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = identity.applicationName() + "-delivery";
        this.config = config;
    }

    /** Completes when every record is acknowledged by all in-sync replicas; fails on the first error. */
    Uni<Void> publish(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().<Void>emitter(emitter -> {
                    AtomicInteger pending = new AtomicInteger(records.size());
                    KafkaProducer<String, byte[]> kafka = producer();
                    for (ProducerRecord<String, byte[]> record : records) {
                        kafka.send(record, (metadata, error) -> {
                            if (error != null) {
                                emitter.fail(error);
                            } else if (pending.decrementAndGet() == 0) {
                                emitter.complete(null);
                            }
                        });
                    }
                })
                // send() blocks while it fetches metadata: keep it off the event loop.
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(config.publishTimeout()).fail();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.CLIENT_ID_CONFIG, clientId,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
                            ProducerConfig.LINGER_MS_CONFIG, "5",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000"),
                            new StringSerializer(), new ByteArraySerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> current = producer;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(5));
        }
    }
}
