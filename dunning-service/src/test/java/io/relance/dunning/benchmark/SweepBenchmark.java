package io.relance.dunning.benchmark;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.dunning.application.SweepDueActions;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.servers.RelanceServersTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale of issue 5 on the real broker and database: 1,000,000 open invoices of 100,000 customers, written
 * straight into the service's tables as the engine stores them, one invoice per customer reaching its first
 * reminder today. Prints the time until every ReminderRequested is read back from Kafka, and the time of a sweep
 * with nothing due (p50/p99). Not part of {@code verify}: its name matches no test pattern; run it with
 * {@code ./mvnw -o -pl dunning-service -am test -Dtest=SweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code benchmark.customers}, {@code benchmark.invoices-per-customer}, {@code benchmark.sweepers}
 * scale it down or out).
 */
@QuarkusTest
@TestProfile(SweepBenchmark.Settings.class)
@WithTestResource(value = RelanceServersTestResource.class,
        initArgs = @ResourceArg(name = RelanceServersTestResource.DATABASE_ARG, value = "dunning_benchmark"))
class SweepBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("benchmark.customers", 100_000);
    private static final int INVOICES_PER_CUSTOMER = Integer.getInteger("benchmark.invoices-per-customer", 10);
    private static final int SWEEPERS = Integer.getInteger("benchmark.sweepers", 4);
    private static final int EMPTY_SWEEPS = Integer.getInteger("benchmark.empty-sweeps", 100);
    /** A Tuesday: every customer's first invoice, due a week ago, reaches the first reminder (D+7) today. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    /** Customers written per COPY: the test JVM has 768 MB. */
    private static final int COPY_CHUNK = 5_000;

    /** Sweeps in the batches a production instance uses; the sweep runs only when the benchmark says so. */
    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relance.dunning.sweep-batch-size", "200", "relance.dunning.sweep-enabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Vertx vertx;
    @Inject
    TestClock clock;
    @Inject
    SweepDueActions sweep;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<String> report = new ArrayList<>();

    @Test
    void everyReminderOfABusyDayReachesKafkaAndADayWithNothingDueCostsLittle() throws Exception {
        clock.setToday(TODAY);
        long loadStart = System.nanoTime();
        load();
        print("loaded %,d open invoices of %,d customers in %.1f s", (long) CUSTOMERS * INVOICES_PER_CUSTOMER,
                CUSTOMERS, seconds(System.nanoTime() - loadStart));

        emptySweeps("before the busy day (nothing due on " + TODAY.minusDays(1) + ")", TODAY.minusDays(1));

        ReminderCounter counter = new ReminderCounter(bootstrapServers);
        CompletableFuture<Set<String>> read = CompletableFuture.supplyAsync(() -> counter.readUntil(CUSTOMERS,
                Duration.ofMinutes(30)));
        counter.awaitAssigned();
        long start = System.nanoTime();
        List<CompletableFuture<SweepDueActions.Outcome>> sweepers = new ArrayList<>();
        for (int i = 0; i < SWEEPERS; i++) {
            sweepers.add(OnVertx.start(vertx, () -> sweep.sweep(TODAY)));
        }
        CompletableFuture.allOf(sweepers.toArray(CompletableFuture[]::new)).get();
        long swept = System.nanoTime() - start;
        Set<String> reminded = read.get();
        long onKafka = counter.lastAt() - start;
        int requested = sweepers.stream().mapToInt(f -> f.join().reminders()).sum();
        print("busy day: %,d ReminderRequested (%,d customers due, %d sweepers side by side): swept in %.1f s, "
                + "all on Kafka after %.1f s (%.0f reminders/s)", requested, CUSTOMERS, SWEEPERS, seconds(swept),
                seconds(onKafka), CUSTOMERS / seconds(onKafka));

        emptySweeps("after the busy day (everyone rescheduled, nothing due on " + TODAY + ")", TODAY);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.write(Path.of("target/benchmark/sweep-benchmark.txt"), report, StandardCharsets.UTF_8);

        assertThat(requested).isEqualTo(CUSTOMERS);
        assertThat(reminded).hasSize(CUSTOMERS);
        assertThat(counter.total()).isEqualTo(CUSTOMERS);
    }

    private void emptySweeps(String when, LocalDate day) {
        long[] nanos = new long[EMPTY_SWEEPS];
        for (int i = 0; i < EMPTY_SWEEPS; i++) {
            long start = System.nanoTime();
            SweepDueActions.Outcome outcome = OnVertx.await(vertx, () -> sweep.sweep(day));
            nanos[i] = System.nanoTime() - start;
            assertThat(outcome.customers()).isZero();
        }
        Arrays.sort(nanos);
        print("sweep with nothing due, %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d runs", when,
                nanos[EMPTY_SWEEPS / 2] / 1e6, nanos[(int) Math.ceil(EMPTY_SWEEPS * 0.99) - 1] / 1e6,
                nanos[EMPTY_SWEEPS - 1] / 1e6, EMPTY_SWEEPS);
    }

    /** Writes debtors, cases and next action days with COPY, in the columns and formats the engine writes. */
    private void load() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE dunning_case, debtor, scheduled_action, reminder, work_item, case_history, "
                        + "outbox_event");
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int from = 0; from < CUSTOMERS; from += COPY_CHUNK) {
                int to = Math.min(CUSTOMERS, from + COPY_CHUNK);
                StringBuilder debtors = new StringBuilder();
                StringBuilder cases = new StringBuilder();
                StringBuilder schedule = new StringBuilder();
                for (int c = from; c < to; c++) {
                    String customer = "B-" + c;
                    debtors.append(customer).append(",REGULAR\n");
                    schedule.append(customer).append(',').append(TODAY).append('\n');
                    for (int i = 0; i < INVOICES_PER_CUSTOMER; i++) {
                        // The first invoice is a week overdue and had its preventive reminder; the others fall due later.
                        LocalDate due = i == 0 ? TODAY.minusDays(7) : TODAY.plusDays(10L * i);
                        cases.append(UUID.randomUUID()).append(',').append(UUID.randomUUID()).append(',')
                                .append(customer).append(",EUR,F-").append(c).append('-').append(i).append(',')
                                .append(due.minusDays(30)).append(',').append(due).append(",1200.00,0,0,")
                                .append(i == 0 ? "0," + TODAY.minusDays(10) : "-1,")
                                .append(",[],f\n");
                    }
                }
                copy.copyIn("COPY debtor (customer_id, segment) FROM STDIN (FORMAT csv)",
                        new StringReader(debtors.toString()));
                copy.copyIn("COPY dunning_case (case_id, invoice_id, customer_id, currency, invoice_number, issue_date,"
                        + " due_date, amount, paid, credited, last_step_index, last_step_on, open_disputes,"
                        + " awaiting_credit) FROM STDIN (FORMAT csv)", new StringReader(cases.toString()));
                copy.copyIn("COPY scheduled_action (customer_id, due_on) FROM STDIN (FORMAT csv)",
                        new StringReader(schedule.toString()));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE dunning_case, debtor, scheduled_action");
            }
        }
    }

    private void print(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println("[benchmark] " + line);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Reads dunning-events from the start, counting ReminderRequested records and the customers they name. */
    private static final class ReminderCounter {

        private final String bootstrapServers;
        private final CompletableFuture<Void> assigned = new CompletableFuture<>();
        private final AtomicLong lastAt = new AtomicLong();
        private final AtomicLong total = new AtomicLong();

        ReminderCounter(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        Set<String> readUntil(int expected, Duration timeout) {
            Set<String> customers = new HashSet<>();
            byte[] requested = EventType.REMINDER_REQUESTED_V1.ceType().getBytes(StandardCharsets.UTF_8);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.DUNNING_EVENTS));
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline && total.get() < expected) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.complete(null);
                    }
                    for (ConsumerRecord<String, byte[]> record : records) {
                        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                        if (type != null && Arrays.equals(type.value(), requested)) {
                            customers.add(record.key());
                            total.incrementAndGet();
                            lastAt.set(System.nanoTime());
                        }
                    }
                }
                // A little longer: a reminder requested twice would show up here.
                long grace = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < grace) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                        if (type != null && Arrays.equals(type.value(), requested)) {
                            total.incrementAndGet();
                        }
                    }
                }
            }
            return customers;
        }

        void awaitAssigned() throws Exception {
            assigned.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        long total() {
            return total.get();
        }
    }
}
