package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.DailySums;
import io.relance.kpi.application.Ledgers;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DaySums;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The real topology in a TopologyTestDriver, fed with contract events as the producers publish them. */
final class KpiTopologyDriver implements AutoCloseable, Ledgers, DailySums {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final KeyValueStore<String, CustomerLedger> ledgers;
    private final KeyValueStore<String, DaySums> daySums;

    /** As configured by default: event ids remembered for 30 days of business time. */
    static final Duration SEEN_EVENTS_RETENTION = Duration.ofDays(30);

    KpiTopologyDriver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // One folder per driver: two drivers at once (or two test JVMs) must not share a RocksDB lock.
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory());
        driver = new TopologyTestDriver(KpiTopology.build(MAPPER, SEEN_EVENTS_RETENTION, registry, OpenTelemetry.noop().getTracer("kpi-test")), config);
        for (String topic : KpiTopology.SOURCES) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()));
        }
        deadLetters = driver.createOutputTopic(Topics.KPI_SERVICE_DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
        ledgers = driver.getKeyValueStore(KpiStores.LEDGERS);
        daySums = driver.getKeyValueStore(KpiStores.DAY_SUMS);
    }

    private static String stateDirectory() {
        try {
            return Files.createTempDirectory("kpi-topology-test").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes {@code event} on its topic, keyed by its customer, with its CloudEvents headers. */
    void send(RelanceEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            send(type.topic(), event.customerId(), MAPPER.writeValueAsBytes(event), type.ceType());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String topic, String key, byte[] value, String ceType) {
        RecordHeaders headers = new RecordHeaders();
        if (ceType != null) {
            headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        inputs.get(topic).pipeInput(new TestRecord<>(key, value, headers, Instant.now()));
    }

    WindowStore<String, Long> seenEvents() {
        return driver.getWindowStore(KpiStores.SEEN_EVENTS);
    }

    TestOutputTopic<String, byte[]> deadLetters() {
        return deadLetters;
    }

    /** The topology's counters: relance.events.consumed by type and outcome, relance.dead.letters. */
    SimpleMeterRegistry registry() {
        return registry;
    }

    /** The KPIs as the service reads them: from the day sums kept by the topology. */
    ComputeKpis kpis() {
        return new ComputeKpis(this, this, ComputeKpis.noPeers());
    }

    /** Every ledger kept by the topology. */
    List<CustomerLedger> ledgers() {
        List<CustomerLedger> all = new ArrayList<>();
        try (KeyValueIterator<String, CustomerLedger> entries = ledgers.all()) {
            entries.forEachRemaining(entry -> all.add(entry.value));
        }
        return all;
    }

    @Override
    public void months(String currency, YearMonth to, Month action) {
        DaySumsStore.months(daySums, currency, to, action);
    }

    @Override
    public void days(String currency, LocalDate from, LocalDate to, Day action) {
        DaySumsStore.days(daySums, currency, from, to, action);
    }

    @Override
    public void revenueDays(String currency, YearMonth month, Day action) {
        DaySumsStore.revenueDays(daySums, currency, month, action);
    }

    @Override
    public Optional<CustomerLedger> find(String customerId) {
        return Optional.ofNullable(ledgers.get(customerId));
    }

    @Override
    public void close() {
        driver.close();
    }
}
