package io.relance.benchmark;

import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Bulk intake as an ERP does it: batches of 1,000 through {@code POST /erp/invoices/batch} from a few concurrent
 * callers, or records on {@code erp-invoices}; each run is timed until its last InvoiceIssued is on Kafka.
 * Used by invoice-service's own intake benchmark and by the platform benchmark.
 */
final class BatchIntake {

    static final int BATCH = 1_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /** One run: how long the callers (or the producer) took, and how long until the last InvoiceIssued was on Kafka. */
    record Timing(int invoices, double submittedSeconds, double untilOnKafkaSeconds) {

        double acceptedPerSecond() {
            return invoices / submittedSeconds;
        }

        double onKafkaPerSecond() {
            return invoices / untilOnKafkaSeconds;
        }
    }

    private final HttpClient http;
    private final String invoiceServiceUrl;
    private final String bootstrapServers;
    private final String erpBearer;
    private final int customers;

    BatchIntake(HttpClient http, String invoiceServiceUrl, String bootstrapServers, String erpBearer, int customers) {
        this.http = http;
        this.invoiceServiceUrl = invoiceServiceUrl;
        this.bootstrapServers = bootstrapServers;
        this.erpBearer = erpBearer;
        this.customers = customers;
    }

    static String runId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The customers the invoices go to, created through invoice-service's REST API by 16 concurrent callers. */
    void createCustomers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(invoiceServiceUrl + "/customers/" + customer(i)))
                        .header("Content-Type", "application/json").header("Authorization", erpBearer)
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                                {"sourceSystem":"bench-erp","externalId":"%s","legalName":"Client %d SAS","language":"fr","segment":"REGULAR"}"""
                                .formatted(customer(i), i))).build();
                calls.add(pool.submit(() -> sendRetryingWhenBusy(http, request)));
            }
            for (var call : calls) {
                HttpResponse<String> response = call.get();
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException("cannot create a customer: " + response.body());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends, and on a 503 (the service has as much in progress as it allows) waits its Retry-After and sends again, as a well-behaved client does. */
    static HttpResponse<String> sendRetryingWhenBusy(HttpClient http, HttpRequest request) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || attempt == 30) {
                return response;
            }
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
    }

    /** Batches of {@link #BATCH} from {@code callers} concurrent callers; every item must come back CREATED. */
    Timing rest(String run, int count, int callers) throws Exception {
        try (IssuedCounter issued = new IssuedCounter(bootstrapServers, run)) {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                work.add(pool.submit(() -> {
                    for (int from = next.getAndAdd(BATCH); from < count; from = next.getAndAdd(BATCH)) {
                        created.addAndGet(postBatch(run, from, Math.min(BATCH, count - from)));
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double answeredSeconds = (System.nanoTime() - start) / 1e9;
            long lastOnKafka = issued.awaitCount(count, PATIENCE);
            if (created.get() != count) {
                throw new IllegalStateException("only " + created.get() + " of " + count + " invoices were created");
            }
            return new Timing(count, answeredSeconds, (lastOnKafka - issued.startMillis()) / 1e3);
        }
    }

    /** ERP records produced as fast as the broker takes them; accepted = the InvoiceIssued that come out. */
    Timing topic(String run, int count) throws Exception {
        try (IssuedCounter issued = new IssuedCounter(bootstrapServers, run);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
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
            return new Timing(count, producedSeconds, (lastOnKafka - issued.startMillis()) / 1e3);
        }
    }

    private int postBatch(String run, int from, int size) throws Exception {
        String body = IntStream.range(from, from + size).mapToObj(i -> erpInvoice(run, i))
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(invoiceServiceUrl + "/erp/invoices/batch"))
                .header("Content-Type", "application/json").header("Authorization", erpBearer)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch refused: " + response.statusCode() + " " + response.body());
        }
        return countOf(response.body(), "\"CREATED\"");
    }

    private String erpInvoice(String run, int i) {
        return """
                {"sourceSystem":"bench-erp","externalId":"%s-%d","invoiceNumber":"%s-%d","customerId":"%s",\
                "issueDate":"%s","dueDate":"%s","amount":"%d.%02d","currency":"EUR"}"""
                .formatted(run, i, run, i, customer(i), Terms.ISSUED, Terms.DUE, 100 + i % 9_000, i % 100);
    }

    private String customer(int i) {
        return "BENCH-ERP-" + (i % customers);
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
