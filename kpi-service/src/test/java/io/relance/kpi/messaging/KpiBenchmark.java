package io.relance.kpi.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.KpiQuery;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DaySums;
import io.relance.kpi.domain.KpiCalculator;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Kpis;
import io.relance.servers.KafkaServer;
import io.relance.servers.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logmanager.Logger;
import org.postgresql.PGConnection;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * The KPI benchmark (not a test: run with {@code -Pbenchmark}, see the README). Feeds {@code benchmark.invoices}
 * invoices (default 1,000,000) with their customers' profiles and payments to a real broker, processes them with the
 * real topology in Kafka Streams (exactly_once_v2), then prints: events processed per second; the latency of the
 * KPI query as the service runs it (interactive query of the day sums: every KPI of every segment, selected for one
 * currency) and of the fold over every ledger it replaced; and the same figures (receivables and accounting DSO of EUR as of a
 * date over 30 days) from a SQL aggregate over an invoices table of the same invoices in a real PostgreSQL.
 */
public final class KpiBenchmark {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-01-01");
    private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");
    private static final int DAYS = (int) (AS_OF.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
    private static final int WINDOW = 30;
    private static final int PARTITIONS = 4;
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "EUR", "USD"};

    private final int invoices = Integer.getInteger("benchmark.invoices", 1_000_000);
    private final int customers = Math.max(1, invoices / 10);
    private final int queries = Integer.getInteger("benchmark.queries", 2_000);

    // One row per invoice, the same for the topology and the SQL table.
    private final int[] customerOf = new int[invoices];
    private final int[] issueDay = new int[invoices];
    private final long[] amountCents = new long[invoices];
    private final String[] currency = new String[invoices];
    private final long[] paidCents = new long[invoices];
    /** -1: no payment by {@link #AS_OF}. */
    private final int[] paidDay = new int[invoices];

    public static void main(String[] args) throws Exception {
        // Left unconfigured, the log manager enables TRACE, and Kafka's clients and Streams then format several
        // messages around every record only to drop them (15 % of the stream thread); the service logs at INFO.
        Logger.getLogger("").setLevel(Level.INFO);
        // The figures go to the console and to a file the platform benchmark's report carries as an appendix.
        Path figures = Path.of("target/benchmark/kpi-benchmark.txt");
        Files.createDirectories(figures.getParent());
        try (PrintStream file = new PrintStream(Files.newOutputStream(figures), true, StandardCharsets.UTF_8)) {
            PrintStream console = System.out;
            OutputStream both = new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    file.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    console.write(bytes, offset, length);
                    file.write(bytes, offset, length);
                }
            };
            System.setOut(new PrintStream(both, true, StandardCharsets.UTF_8));
            new KpiBenchmark().run();
        }
    }

    private void run() throws Exception {
        generate(new Random(7));
        System.out.printf("kpi-service benchmark: %,d invoices of %,d customers issued over %d days up to %s%n",
                invoices, customers, DAYS, AS_OF);
        KafkaServer kafka = KafkaServer.start(Files.createTempDirectory("kpi-benchmark-kafka"), 0);
        // Memory-backed when there is /dev/shm, as a production state folder on SSD would be closer to than a shared disk.
        Path shm = Path.of("/dev/shm");
        Path state = Files.isWritable(shm) ? Files.createTempDirectory(shm, "kpi-benchmark") : Files.createTempDirectory("kpi-benchmark");
        try {
            List<String> topics = new ArrayList<>(KpiTopology.SOURCES);
            topics.add(Topics.KPI_SERVICE_DEAD_LETTERS);
            kafka.createTopics(topics, PARTITIONS);
            long events = produce(kafka.bootstrapServers());
            try (KafkaStreams streams = new KafkaStreams(
                    KpiTopology.build(KpiTopologyDriver.MAPPER, KpiTopologyDriver.SEEN_EVENTS_RETENTION, new SimpleMeterRegistry(),
                            OpenTelemetry.noop().getTracer("kpi-benchmark")),
                    streamsConfig(kafka.bootstrapServers(), state))) {
                long started = System.nanoTime();
                streams.start();
                waitUntilCaughtUp(kafka.bootstrapServers(), events);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("events processed: %,d in %.1f s from start (exactly_once_v2, %d partitions, one "
                        + "stream thread, real broker): %,.0f events/s%n", events, seconds, PARTITIONS, events / seconds);
                query(streams);
            }
        } finally {
            kafka.stop();
        }
    }

    private void query(KafkaStreams streams) throws Exception {
        // One instance with no standby: its active partitions are all of them.
        PartitionCopies copies = new PartitionCopies(streams, 0, Duration.ZERO);
        ComputeKpis compute = new ComputeKpis(new LedgerStore(streams, copies), new DaySumsStore(streams, copies), ComputeKpis.noPeers());
        ReadOnlyKeyValueStore<String, CustomerLedger> ledgers = streams.store(
                StoreQueryParameters.fromNameAndType(KpiStores.LEDGERS, QueryableStoreTypes.keyValueStore()));
        ReadOnlyKeyValueStore<String, DaySums> days = streams.store(
                StoreQueryParameters.fromNameAndType(KpiStores.DAY_SUMS, QueryableStoreTypes.keyValueStore()));
        System.out.printf("stores: %,d ledgers, %,d day sums%n", count(ledgers), count(days));
        KpiQuery query = new KpiQuery(AS_OF, WINDOW, "EUR", null);
        Kpis fromDays = compute.kpis(query).get("EUR");
        long[] dayLatencies = time(queries, () -> compute.kpis(query));
        print("KPI query from the day sums (GET /kpis: every KPI of every segment, by interactive query)", dayLatencies);

        Kpis folded = fold(ledgers);
        long[] foldLatencies = time(3, () -> fold(ledgers));
        print("KPI query folding every ledger (how it was before the day sums)", foldLatencies);
        check("fold", folded, fromDays);

        long[] sqlLatencies = sql(fromDays);
        print("SQL aggregate over the invoices table in PostgreSQL", sqlLatencies);
        System.out.printf("ratio SQL / day sums: %,.0fx at p50, %,.0fx at p99%n",
                ratio(sqlLatencies, dayLatencies, 50), ratio(sqlLatencies, dayLatencies, 99));
        System.out.printf("ratio fold / day sums: %,.0fx at p50%n", ratio(foldLatencies, dayLatencies, 50));
        System.out.printf("EUR as of %s over %d days: receivables %s, DSO %s days (same from the fold and from SQL)%n",
                AS_OF, WINDOW, fromDays.receivables(), fromDays.dsoAccounting());
    }

    private static Properties streamsConfig(String bootstrap, Path state) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "kpi-bench");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // As in production (application.properties): a commit every 500 ms, a 64 MB record cache.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500);
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        config.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return config;
    }

    /** Every event on its topic, day by day: the invoices issued that day, then its payments; profiles first. */
    private long produce(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        int[][] paymentsByDay = paymentsByDay();
        long events = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            Segment[] segments = Segment.values();
            for (int c = 0; c < customers; c++) {
                send(producer, Events.profile(customer(c), segments[c % segments.length]));
                events++;
            }
            int next = 0;
            for (int day = 0; day < DAYS; day++) {
                for (; next < invoices && issueDay[next] == day; next++) {
                    send(producer, issued(next));
                    events++;
                }
                for (int invoice : paymentsByDay[day]) {
                    send(producer, paid(invoice));
                    events++;
                }
            }
            producer.flush();
        }
        System.out.printf("published: %,d events (profiles, invoices, payments) in %.1f s%n", events,
                (System.nanoTime() - started) / 1e9);
        return events;
    }

    private static void send(KafkaProducer<String, byte[]> producer, RelanceEvent event) throws Exception {
        EventType type = EventType.of(event.getClass());
        // Stamped now, as producers do: stamped with 2025 business dates, the broker's 7-day retention deletes them.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.customerId(),
                KpiTopologyDriver.MAPPER.writeValueAsBytes(event));
        record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    /** Waits until the application's committed offsets reach the end of every input partition. */
    private static void waitUntilCaughtUp(String bootstrap, long events) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : KpiTopology.SOURCES) {
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            long lastPrint = System.nanoTime();
            long lastCommitted = -1;
            long lastProgress = System.nanoTime();
            while (true) {
                long committed = admin.listConsumerGroupOffsets("kpi-bench").partitionsToOffsetAndMetadata().get().values()
                        .stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
                if (committed >= end) {
                    return;
                }
                if (committed != lastCommitted) {
                    lastCommitted = committed;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > 180e9) {
                    throw new IllegalStateException("no progress for 3 minutes at " + committed + " of " + end + " events");
                }
                if (System.nanoTime() - lastPrint > 20e9) {
                    System.out.printf("  processed %,d of %,d events%n", committed, end);
                    lastPrint = System.nanoTime();
                }
                Thread.sleep(200);
            }
        }
    }

    private void generate(Random random) {
        for (int i = 0; i < invoices; i++) {
            customerOf[i] = random.nextInt(customers);
            issueDay[i] = (int) ((long) i * DAYS / invoices);
            amountCents[i] = 10_000 + random.nextInt(990_000);
            currency[i] = CURRENCIES[random.nextInt(CURRENCIES.length)];
            int outcome = random.nextInt(20);
            paidDay[i] = -1;
            if (outcome < 15) {
                paidCents[i] = amountCents[i];
                paidDay[i] = issueDay[i] + 5 + random.nextInt(65);
            } else if (outcome < 17) {
                paidCents[i] = amountCents[i] / 2;
                paidDay[i] = issueDay[i] + 10 + random.nextInt(80);
            }
            if (paidDay[i] >= DAYS) {
                paidDay[i] = -1;
            }
            if (paidDay[i] < 0) {
                paidCents[i] = 0;
            }
        }
    }

    private int[][] paymentsByDay() {
        int[] counts = new int[DAYS];
        for (int i = 0; i < invoices; i++) {
            if (paidDay[i] >= 0) {
                counts[paidDay[i]]++;
            }
        }
        int[][] byDay = new int[DAYS][];
        for (int d = 0; d < DAYS; d++) {
            byDay[d] = new int[counts[d]];
            counts[d] = 0;
        }
        for (int i = 0; i < invoices; i++) {
            if (paidDay[i] >= 0) {
                byDay[paidDay[i]][counts[paidDay[i]]++] = i;
            }
        }
        return byDay;
    }

    private InvoiceIssued issued(int i) {
        LocalDate issue = day(issueDay[i]);
        return new InvoiceIssued(UUID.randomUUID(), noon(issue), customer(customerOf[i]), invoiceId(i), "F-" + i,
                issue, issue.plusDays(30), BigDecimal.valueOf(amountCents[i], 2), currency[i], null, null);
    }

    private PaymentReceived paid(int i) {
        LocalDate on = day(paidDay[i]);
        BigDecimal amount = BigDecimal.valueOf(paidCents[i], 2);
        return new PaymentReceived(UUID.randomUUID(), noon(on), customer(customerOf[i]), UUID.randomUUID(), on, amount,
                currency[i], PaymentMethod.TRANSFER, List.of(new Allocation(invoiceId(i), amount)), BigDecimal.ZERO);
    }

    /** The query as it was before the day sums: every ledger folded, per segment, then one currency selected. */
    private static Kpis fold(ReadOnlyKeyValueStore<String, CustomerLedger> ledgers) {
        KpiCalculator calculator = new KpiCalculator(AS_OF, WINDOW);
        Sums sums = Sums.empty();
        try (KeyValueIterator<String, CustomerLedger> all = ledgers.all()) {
            all.forEachRemaining(entry -> calculator.addTo(sums.bySegment().computeIfAbsent(
                    entry.value.segment() == null ? Sums.UNKNOWN_SEGMENT : entry.value.segment(), s -> new TreeMap<>()),
                    entry.value));
        }
        KpiTotals eur = sums.select(null).get("EUR");
        return Kpis.of(eur, AS_OF, WINDOW);
    }

    /** The invoices as an ERP holds them, and receivables and DSO by one SQL aggregate; checked against the stream's. */
    private long[] sql(Kpis expected) throws Exception {
        Path dir = Files.createTempDirectory("kpi-benchmark-postgres");
        PostgresServer postgres = PostgresServer.start(dir, 0, true);
        try {
            postgres.createDatabase("kpi_benchmark");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("kpi_benchmark"), postgres.username(), "")) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("create table invoices (id uuid primary key, customer_id text not null, currency char(3) not null,"
                            + " issue_date date not null, due_date date not null, amount numeric(19,2) not null,"
                            + " paid_amount numeric(19,2) not null, paid_on date)");
                }
                long started = System.nanoTime();
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < invoices; i++) {
                    LocalDate issue = day(issueDay[i]);
                    rows.append(invoiceId(i)).append('\t').append(customer(customerOf[i])).append('\t').append(currency[i])
                            .append('\t').append(issue).append('\t').append(issue.plusDays(30)).append('\t')
                            .append(BigDecimal.valueOf(amountCents[i], 2)).append('\t').append(BigDecimal.valueOf(paidCents[i], 2))
                            .append('\t').append(paidDay[i] < 0 ? "\\N" : day(paidDay[i]).toString()).append('\n');
                    if (rows.length() > 8_000_000 || i == invoices - 1) {
                        connection.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("copy invoices from stdin", new StringReader(rows.toString()));
                        rows.setLength(0);
                    }
                }
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("create index invoices_currency_issue on invoices (currency, issue_date)");
                    ddl.execute("vacuum analyze invoices");
                }
                System.out.printf("PostgreSQL: %,d invoices loaded and indexed in %.1f s%n", invoices,
                        (System.nanoTime() - started) / 1e9);
                String aggregate = "select sum(amount - case when paid_on <= ? then paid_amount else 0 end) as receivables,"
                        + " sum(amount) filter (where issue_date > ?) as revenue"
                        + " from invoices where currency = ? and issue_date <= ?";
                try (PreparedStatement statement = connection.prepareStatement(aggregate)) {
                    statement.setObject(1, AS_OF);
                    statement.setObject(2, AS_OF.minusDays(WINDOW));
                    statement.setString(3, "EUR");
                    statement.setObject(4, AS_OF);
                    BigDecimal[] figures = new BigDecimal[2];
                    long[] latencies = time(20, () -> {
                        try (ResultSet row = statement.executeQuery()) {
                            row.next();
                            figures[0] = row.getBigDecimal(1);
                            figures[1] = row.getBigDecimal(2);
                            return figures;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    BigDecimal dso = Kpis.dso(figures[0], figures[1], WINDOW);
                    System.out.printf("SQL: receivables %s, DSO %s days%n", figures[0], dso);
                    if (figures[0].compareTo(expected.receivables()) != 0 || dso.compareTo(expected.dsoAccounting()) != 0) {
                        throw new IllegalStateException("SQL and day sums disagree: " + figures[0] + " / " + dso + " vs "
                                + expected.receivables() + " / " + expected.dsoAccounting());
                    }
                    return latencies;
                }
            }
        } finally {
            postgres.stop();
        }
    }

    private static <T> long[] time(int runs, Supplier<T> query) {
        for (int i = 0; i < Math.min(runs, 50); i++) {
            query.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static double ratio(long[] slow, long[] fast, int percent) {
        return (double) percentile(slow, percent) / percentile(fast, percent);
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d runs)%n", what, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static void check(String what, Kpis expected, Kpis actual) {
        if (expected.receivables().compareTo(actual.receivables()) != 0
                || expected.dsoAccounting().compareTo(actual.dsoAccounting()) != 0) {
            throw new IllegalStateException(what + " and day sums disagree: " + expected + " vs " + actual);
        }
    }

    private static long count(ReadOnlyKeyValueStore<String, ?> store) {
        long n = 0;
        try (KeyValueIterator<String, ?> all = store.all()) {
            for (; all.hasNext(); all.next()) {
                n++;
            }
        }
        return n;
    }

    private static LocalDate day(int index) {
        return FIRST_DAY.plusDays(index);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String customer(int c) {
        return "C-" + c;
    }

    private static UUID invoiceId(int i) {
        return new UUID(0x4b5049L, i);
    }
}
