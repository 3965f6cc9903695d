package io.relance.benchmark;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The broker's best: records of the platform's size, produced as the outbox relay produces them. */
final class RawKafka {

    private RawKafka() {
    }

    /** Records per second acknowledged by the broker (acks=all, idempotent, same linger as the relay). */
    static double producerThroughput(String bootstrapServers, String topic, byte[] payload, int records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, topic, payload, Math.min(records, 20_000));
            long start = System.nanoTime();
            send(producer, topic, payload, records);
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, byte[] payload, int records) throws Exception {
        CountDownLatch acknowledged = new CountDownLatch(records);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < records; i++) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "C-" + (i % 10_000), payload),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        acknowledged.countDown();
                    });
        }
        if (!acknowledged.await(5, TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("raw Kafka producer failed", failure.get());
        }
    }
}
