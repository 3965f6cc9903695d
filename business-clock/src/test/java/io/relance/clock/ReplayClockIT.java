package io.relance.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.clock.ClockMessageType;
import io.relance.contracts.clock.ClockTick;
import io.relance.servers.LocalServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The replay clock on the real broker: it starts from the latest tick, follows new ones, and never goes back. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayClockIT {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static String bootstrap;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void topic() {
        bootstrap = LocalServers.shared().kafka().bootstrapServers();
        LocalServers.shared().kafka().createTopics(List.of(Topics.BUSINESS_CLOCK), 3);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    @Order(1)
    void withoutATickStartUpFailsSayingWhatIsMissing() {
        assertThatThrownBy(() -> ReplayClock.follow(bootstrap, "test-clock", MAPPER, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no tick on topic business-clock");
    }

    @Test
    @Order(2)
    void startsFromTheLatestTickAndFollowsTheNextOnes() throws Exception {
        tick("2013-03-04T06:00:00Z");
        tick("2013-03-04T08:00:00Z");

        try (ReplayClock clock = ReplayClock.follow(bootstrap, "test-clock", MAPPER, Duration.ofSeconds(10))) {
            assertThat(clock.instant()).isEqualTo(Instant.parse("2013-03-04T08:00:00Z"));

            tick("2013-03-05T06:00:00Z");
            awaitClock(clock, Instant.parse("2013-03-05T06:00:00Z"));
        }
    }

    @Test
    @Order(3)
    void anEarlierTickOrARecordThatIsNotATickLeavesTheClockWhereItIs() throws Exception {
        try (ReplayClock clock = ReplayClock.follow(bootstrap, "test-clock", MAPPER, Duration.ofSeconds(10))) {
            Instant before = clock.instant();
            tick("2012-01-01T00:00:00Z");
            producer.send(new ProducerRecord<>(Topics.BUSINESS_CLOCK, ClockTick.KEY, "not json".getBytes(StandardCharsets.UTF_8))).get();
            tick("2013-03-06T06:00:00Z");

            awaitClock(clock, Instant.parse("2013-03-06T06:00:00Z"));
            assertThat(before).isEqualTo(Instant.parse("2013-03-05T06:00:00Z"));
        }
    }

    private static void tick(String now) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.BUSINESS_CLOCK, ClockTick.KEY,
                MAPPER.writeValueAsBytes(new ClockTick(Instant.parse(now))));
        record.headers().add(CloudEventHeaders.TYPE, ClockMessageType.TICK_V1.ceType().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static void awaitClock(ReplayClock clock, Instant expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!clock.instant().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(clock.instant()).isEqualTo(expected);
    }
}
