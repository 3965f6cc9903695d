package io.relance.kpi.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReceivablesTopologyTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> invoiceEvents;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, String> receivables;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(KpiTopology.build(mapper), config);
        invoiceEvents = driver.createInputTopic(Topics.INVOICE_EVENTS, new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.KPI_SERVICE_DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer());
        receivables = driver.getKeyValueStore(KpiStores.RECEIVABLES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void anIssuedInvoiceAddsItsAmountToTheReceivablesOfItsCurrency() throws Exception {
        send(issued("C-1", "1200.00", "EUR"));
        send(issued("C-2", "800.50", "EUR"));
        send(issued("C-3", "99.99", "USD"));

        assertThat(new BigDecimal(receivables.get("EUR"))).isEqualByComparingTo("2000.50");
        assertThat(new BigDecimal(receivables.get("USD"))).isEqualByComparingTo("99.99");
    }

    @Test
    void aDuplicatedEventChangesNoFigure() throws Exception {
        InvoiceIssued event = issued("C-1", "1200.00", "EUR");
        send(event);
        send(event);

        assertThat(new BigDecimal(receivables.get("EUR"))).isEqualByComparingTo("1200.00");
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsCounted() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, EventType.INVOICE_ISSUED_V1.ceType().getBytes(StandardCharsets.UTF_8));
        invoiceEvents.pipeInput(new TestRecord<>("C-9", "{oops".getBytes(StandardCharsets.UTF_8), headers, Instant.now()));
        send(issued("C-9", "10.00", "EUR"));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8))
                .startsWith("payload is not a valid relance.invoice.issued.v1");
        assertThat(dead.key()).isEqualTo("C-9");
        assertThat(new BigDecimal(receivables.get("EUR"))).isEqualByComparingTo("10.00");
    }

    private InvoiceIssued issued(String customer, String amount, String currency) {
        return new InvoiceIssued(UUID.randomUUID(), Instant.parse("2026-01-05T10:00:00Z"), customer, UUID.randomUUID(),
                "F-" + UUID.randomUUID(), LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-04"),
                new BigDecimal(amount), currency, null, null);
    }

    private void send(InvoiceIssued event) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, EventType.INVOICE_ISSUED_V1.ceType().getBytes(StandardCharsets.UTF_8));
        invoiceEvents.pipeInput(new TestRecord<>(event.customerId(), mapper.writeValueAsBytes(event), headers, Instant.now()));
    }
}
