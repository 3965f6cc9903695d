package io.relance.benchmark;

import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.platform.Platform;
import io.relance.platform.PlatformLayout;
import io.relance.platform.PlatformPorts;
import io.relance.platform.RunningService;
import io.relance.platform.ServiceSpec;
import io.relance.servers.FreePorts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * invoice-service's intake benchmark (issue "invoice-service", Performance): 100,000 invoices through the batch REST
 * endpoint and 100,000 through the erp-invoices topic, on the real broker and database with only invoice-service
 * running; prints invoices accepted per second and the time until the last InvoiceIssued is on Kafka.
 */
public final class InvoiceIntakeBenchmark {

    private static final int INVOICES = Integer.getInteger("benchmark.invoices", 100_000);
    private static final int BATCH = 1_000;
    private static final int CALLERS = Integer.getInteger("benchmark.callers", 4);
    private static final int CUSTOMERS = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final Report report = new Report("invoice-service intake benchmark");
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CALLERS + 2)).build();
    private String erp;

    public static void main(String[] args) throws Exception {
        new InvoiceIntakeBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("relance.root", ".")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("relance-intake-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> ports.put(spec.name(), FreePorts.find()));
        System.out.println("Starting Kafka, PostgreSQL and invoice-service…");
        try (Platform platform = Platform.start(new PlatformLayout(root, home),
                new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), ports), step -> System.out.println("  " + step),
                List.of(ServiceSpec.named("invoice-service")))) {
            erp = "Bearer " + platform.tokens().token("erp", Duration.ofHours(6));
            RunningService invoices = platform.services().get(0);
            String bootstrap = platform.kafka().bootstrapServers();
            createCustomers(invoices.url());
            System.out.println("Warming up (10 batches)…");
            restIntake(invoices.url(), bootstrap, "warm-" + runId(), 10 * BATCH, false);
            restIntake(invoices.url(), bootstrap, "rest-" + runId(), INVOICES, true);
            topicIntake(bootstrap, "topic-" + runId(), INVOICES);
            report.add("footprint", "invoice-service resident memory after the runs",
                    RunningService.residentMegabytes(invoices.pid()).orElse(-1) + " MB", "< 250 MB");
        }
        report.print();
        Path file = Path.of(System.getProperty("benchmark.report", "target/invoice-intake-report.md"));
        report.write(file, "Machine: %d cores, Java %s, %s. Kafka, PostgreSQL, invoice-service and this load generator on the same machine."
                .formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now()));
        System.out.println("\nReport written to " + file.toAbsolutePath());
    }

    /** Batches of 1,000 from {@link #CALLERS} concurrent callers; every item must come back CREATED. */
    private void restIntake(String baseUrl, String bootstrap, String run, int count, boolean measured) throws Exception {
        try (IssuedCounter issued = new IssuedCounter(bootstrap, run)) {
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                work.add(callers.submit(() -> {
                    for (int from = next.getAndAdd(BATCH); from < count; from = next.getAndAdd(BATCH)) {
                        created.addAndGet(postBatch(baseUrl, run, from, Math.min(BATCH, count - from)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            callers.shutdown();
            double answeredSeconds = (System.nanoTime() - start) / 1e9;
            long lastOnKafka = issued.awaitCount(count, PATIENCE);
            if (!measured) {
                return;
            }
            if (created.get() != count) {
                throw new IllegalStateException("only " + created.get() + " of " + count + " invoices were created");
            }
            double untilKafka = (lastOnKafka - issued.startMillis()) / 1e3;
            report.add("REST batch", "%,d invoices, batches of %,d, %d callers: answered in".formatted(count, BATCH, CALLERS),
                    "%.1f s".formatted(answeredSeconds), "");
            report.add("REST batch", "invoices accepted per second", "%,.0f inv/s".formatted(count / answeredSeconds),
                    "≥ 5,000 inv/s");
            report.add("REST batch", "until the last InvoiceIssued is on Kafka", "%.1f s".formatted(untilKafka), "");
            report.add("REST batch", "end to end (on Kafka) per second", "%,.0f inv/s".formatted(count / untilKafka), "");
        }
    }

    private int postBatch(String baseUrl, String run, int from, int size) throws Exception {
        String body = IntStream.range(from, from + size).mapToObj(i -> erpInvoice(run, i))
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/erp/invoices/batch"))
                .header("Content-Type", "application/json").header("Authorization", erp)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch refused: " + response.statusCode() + " " + response.body());
        }
        return countOf(response.body(), "\"CREATED\"");
    }

    /** ERP records produced as fast as the broker takes them; accepted = the InvoiceIssued that come out. */
    private void topicIntake(String bootstrap, String run, int count) throws Exception {
        try (IssuedCounter issued = new IssuedCounter(bootstrap, run);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ERP_INVOICES, customer(i), erpInvoice(run, i));
                record.headers().add(CloudEventHeaders.TYPE, "relance.erp.invoice.v1".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
            double producedSeconds = (System.nanoTime() - start) / 1e9;
            long lastOnKafka = issued.awaitCount(count, PATIENCE);
            double untilKafka = (lastOnKafka - issued.startMillis()) / 1e3;
            report.add("erp-invoices", "%,d ERP records produced in".formatted(count), "%.1f s".formatted(producedSeconds), "");
            report.add("erp-invoices", "until the last InvoiceIssued is on Kafka", "%.1f s".formatted(untilKafka), "");
            report.add("erp-invoices", "invoices accepted per second", "%,.0f inv/s".formatted(count / untilKafka),
                    "≥ 5,000 inv/s");
        }
    }

    private void createCustomers(String baseUrl) throws Exception {
        System.out.println("Creating " + CUSTOMERS + " customers…");
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/customers/" + customer(i)))
                    .header("Content-Type", "application/json").header("Authorization", erp)
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"sourceSystem":"bench-erp","externalId":"%s","legalName":"Client %d SAS","language":"fr","segment":"REGULAR"}"""
                            .formatted(customer(i), i))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (var call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("cannot create a customer: " + response.body());
            }
        }
    }

    private static String erpInvoice(String run, int i) {
        return """
                {"sourceSystem":"bench-erp","externalId":"%s-%d","invoiceNumber":"%s-%d","customerId":"%s",\
                "issueDate":"2026-03-02","dueDate":"2026-04-01","amount":"%d.%02d","currency":"EUR"}"""
                .formatted(run, i, run, i, customer(i), 100 + i % 9_000, i % 100);
    }

    private static String customer(int i) {
        return "BENCH-" + (i % CUSTOMERS);
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static int countOf(String text, String token) {
        int count = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            count++;
        }
        return count;
    }

    /** Reads invoice-events from its current end and counts the InvoiceIssued of one run. */
    private static final class IssuedCounter implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final String marker;
        private final long startMillis = System.currentTimeMillis();
        private int seen;
        private long lastTimestamp;

        IssuedCounter(String bootstrap, String run) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INVOICE_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            marker = "\"externalId\":\"" + run + "-";
        }

        long startMillis() {
            return startMillis;
        }

        /** Waits for {@code count} records of the run; returns the broker timestamp of the last one. */
        long awaitCount(int count, Duration patience) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + count + " InvoiceIssued on Kafka after " + patience);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        seen++;
                        lastTimestamp = Math.max(lastTimestamp, record.timestamp());
                    }
                }
            }
            return lastTimestamp;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
