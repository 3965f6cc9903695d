package io.relance.dunning.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.dunning.testing.TestClock;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast dunning-service absorbs InvoiceIssued alone, on the real broker and database: publishes N invoices of M
 * customers to invoice-events as the outbox relay would, then waits until every one has its case and its customer a
 * next action day. Prints invoices per second and the CPU the JVM used meanwhile (the service's consumer, and the
 * test's producer for the first second). Not part of {@code verify}: its name matches no test pattern; run it with
 * {@code ./mvnw -o -pl dunning-service -am test -Dtest=FactIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code benchmark.invoices}, {@code benchmark.intake-customers} scale it).
 */
@QuarkusTest
@TestProfile(FactIntakeBenchmark.Settings.class)
@WithTestResource(value = RelanceServersTestResource.class,
        initArgs = @ResourceArg(name = RelanceServersTestResource.DATABASE_ARG, value = "dunning_intake_benchmark"))
class FactIntakeBenchmark {

    private static final int INVOICES = Integer.getInteger("benchmark.invoices", 20_000);
    private static final int CUSTOMERS = Integer.getInteger("benchmark.intake-customers", 1_000);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** A profile of its own (its own database); the sweep stays off, as in the other tests. */
    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relance.dunning.sweep-enabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyInvoiceIssuedBecomesACaseAndAScheduledCustomer() throws Exception {
        clock.setToday(TODAY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double batchesBefore = batches("applied");
        double fallbacksBefore = batches("fallback");
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        publish(run);
        double published = seconds(System.nanoTime() - start);
        long cases = 0;
        while (cases < INVOICES && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(50);
            cases = count("SELECT count(*) FROM dunning_case WHERE customer_id LIKE ?", run + "-%");
        }
        double absorbed = seconds(System.nanoTime() - start);
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long scheduled = count("SELECT count(*) FROM scheduled_action WHERE customer_id LIKE ?", run + "-%");

        List<String> report = new ArrayList<>();
        report.add("FactIntakeBenchmark %s: %,d InvoiceIssued of %,d customers".formatted(Instant.now(), INVOICES, CUSTOMERS));
        report.add("published to invoice-events in %.1f s".formatted(published));
        report.add("every case written after %.1f s: %,.0f invoices/s".formatted(absorbed, INVOICES / absorbed));
        report.add("JVM CPU meanwhile: %.1f s (%.2f ms per invoice)".formatted(cpu, cpu * 1000 / INVOICES));
        report.add("polls applied in one transaction: %,.0f; rolled back and applied one by one: %,.0f"
                .formatted(batches("applied") - batchesBefore, batches("fallback") - fallbacksBefore));
        report.forEach(System.out::println);
        write(report);
        assertThat(cases).isEqualTo(INVOICES);
        assertThat(scheduled).isEqualTo(CUSTOMERS);
    }

    private void publish(String run) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < INVOICES; i++) {
                String customer = run + "-" + (i % CUSTOMERS);
                InvoiceIssued invoice = new InvoiceIssued(UUID.randomUUID(), Instant.parse("2026-11-02T09:00:00Z"),
                        customer, UUID.randomUUID(), "F-" + run + "-" + i, TODAY.minusDays(30 + i % 40),
                        TODAY.plusDays(i % 40 - 20), new BigDecimal("1200.00"), "EUR", null, null);
                RecordHeaders headers = new RecordHeaders();
                headers.add(CloudEventHeaders.ID, invoice.eventId().toString().getBytes(StandardCharsets.UTF_8));
                headers.add(CloudEventHeaders.TYPE, EventType.INVOICE_ISSUED_V1.ceType().getBytes(StandardCharsets.UTF_8));
                headers.add(CloudEventHeaders.SOURCE, "/relance/benchmark".getBytes(StandardCharsets.UTF_8));
                headers.add(CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_1_0.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.INVOICE_EVENTS, null, customer,
                        mapper.writeValueAsBytes(invoice), headers));
            }
            producer.flush();
        }
    }

    private double batches(String outcome) {
        Counter counter = registry.find("relance.inbox.batches").tag("topic", Topics.INVOICE_EVENTS)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String sql, String pattern) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, pattern);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void write(List<String> report) throws IOException {
        Path file = Path.of("target", "benchmark", "fact-intake-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
    }
}
