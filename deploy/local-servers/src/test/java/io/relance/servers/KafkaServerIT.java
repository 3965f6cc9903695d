package io.relance.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.relance.contracts.Topics;

class KafkaServerIT {

    @Test
    void aProducedRecordIsReadBackByAConsumer() throws Exception {
        KafkaServer kafka = LocalServers.shared().kafka();
        kafka.createTopics(List.of("kafka-server-it.round-trip"), 1);

        produce(kafka, "kafka-server-it.round-trip", "customer-1", "hello");

        assertThat(readAll(kafka, "kafka-server-it.round-trip", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("customer-1", "hello"));
    }

    @Test
    void everyContractTopicExistsWithThreePartitionsButTheClockAndOnlyProfilesAndTheClockAreCompacted() throws Exception {
        KafkaServer kafka = LocalServers.shared().kafka();
        try (Admin admin = admin(kafka)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(Topics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get();

            assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).as(topic.name())
                    .hasSize(topic.name().equals(Topics.BUSINESS_CLOCK) ? 1 : 3));
            configs.forEach((topic, config) -> assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .as(topic.name())
                    .isEqualTo(Set.of(Topics.CUSTOMER_PROFILES, Topics.BUSINESS_CLOCK).contains(topic.name())
                            ? "compact" : "delete"));
        }
    }

    @Test
    void aBrokerKeepsItsRecordsAcrossARestartAndAKillAndFreesItsPortWhenStopped(@TempDir Path dataDir)
            throws Exception {
        KafkaServer kafka = KafkaServer.start(dataDir, 0);
        try {
            kafka.createTopics(List.of("kafka-server-it.persistent"), 1);
            produce(kafka, "kafka-server-it.persistent", "customer-2", "before restart");
            kafka.restart();
            produce(kafka, "kafka-server-it.persistent", "customer-2", "before kill");
            long killed = kafka.pid();

            kafka.kill();

            assertThat(ProcessHandle.of(killed)).isEmpty();
            kafka.restart();
            assertThat(readAll(kafka, "kafka-server-it.persistent", 2)).extracting(ConsumerRecord::value)
                    .containsExactly("before restart", "before kill");
        } finally {
            kafka.stop();
        }
        assertThat(ProcessHandle.of(kafka.pid())).isEmpty();
        assertThat(FreePorts.isFree(kafka.port())).isTrue();
    }

    private static void produce(KafkaServer kafka, String topic, String key, String value)
            throws InterruptedException, ExecutionException, TimeoutException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(KafkaServer kafka, String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Admin admin(KafkaServer kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
