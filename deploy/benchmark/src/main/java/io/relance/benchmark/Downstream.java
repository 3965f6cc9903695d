package io.relance.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a run arrive downstream: InvoiceIssued on Kafka, the count in kpi-service, and the cases dunning-service
 * opened (read from its database, as the platform's harness, which owns it, may).
 */
final class Downstream {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** When each invoice of the run appeared on Kafka, as latency from its intended send time. */
    record Published(int seen, Histogram latencyMicros, double secondsUntilLast) {
    }

    /** When kpi-service counted the run, from polling its per-currency total. */
    record Counted(long counted, Histogram approximateLatencyMicros, double secondsUntilLast) {
    }

    private Downstream() {
    }

    /**
     * Reads invoice-events (from the offsets current when called: call before the run starts) until every accepted
     * invoice of the run was seen. Kafka's record timestamp is the relay's send time on this same machine.
     */
    static KafkaConsumer<String, String> subscribe(String bootstrapServers) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("invoice-events"));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        return consumer;
    }

    static Published published(KafkaConsumer<String, String> consumer, String run, long[] intendedNanos, int expected,
                               long runStartWallMillis, long runStartNanos, Duration timeout) {
        Pattern number = Pattern.compile("\"invoiceNumber\":\"B-" + Pattern.quote(run) + "-(\\d+)\"");
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        int seen = 0;
        long lastWall = runStartWallMillis;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Matcher m = number.matcher(record.value());
                if (m.find()) {
                    int index = Integer.parseInt(m.group(1));
                    long intendedWallMicros = runStartWallMillis * 1000 + (intendedNanos[index] - runStartNanos) / 1000;
                    latency.recordValue(Math.max(0, Math.min(latency.getHighestTrackableValue(),
                            record.timestamp() * 1000 - intendedWallMicros)));
                    lastWall = Math.max(lastWall, record.timestamp());
                    seen++;
                }
            }
        }
        return new Published(seen, latency, (lastWall - runStartWallMillis) / 1000.0);
    }

    /** How many of the run's invoices a downstream service has taken in so far. */
    @FunctionalInterface
    interface Count {
        long now() throws Exception;
    }

    /**
     * Polls a downstream count every 20 ms from a thread of its own, from before the run's first invoice is sent
     * (kpi-service's total for the run's currency, where each invoice counts one unit; dunning-service's cases in
     * that currency), and keeps when the count rose. A count of k means k invoices are in; the k-th accepted one is
     * credited to the poll where the count first reached k. Partitions interleave, so per-invoice latencies are
     * approximate; the time until the last one is exact to a poll.
     */
    static final class Sampler {

        private final Count count;
        private final List<long[]> rises = new ArrayList<>();
        private final Thread thread;
        private volatile boolean stop;
        private volatile Exception failure;

        Sampler(Count count) {
            this.count = count;
            this.thread = new Thread(this::poll, "downstream-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void poll() {
            long last = 0;
            try {
                while (!stop) {
                    long total = count.now();
                    if (total > last) {
                        synchronized (rises) {
                            rises.add(new long[] {System.nanoTime(), total});
                        }
                        last = total;
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failure = e;
            }
        }

        private long latest() {
            synchronized (rises) {
                return rises.isEmpty() ? 0 : rises.get(rises.size() - 1)[1];
            }
        }

        /** Waits until {@code expected} are in (or the timeout), stops polling, and credits each accepted invoice. */
        Counted finish(long[] acceptedIntendedNanos, long expected, long runStartNanos, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (latest() < expected && failure == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                stop = true;
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while counting downstream", e);
            }
            if (failure != null) {
                throw new IllegalStateException("cannot read the downstream count: " + failure.getMessage(), failure);
            }
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            long counted = 0;
            long lastNanos = runStartNanos;
            synchronized (rises) {
                for (long[] rise : rises) {
                    for (long k = counted; k < Math.min(rise[1], acceptedIntendedNanos.length); k++) {
                        latency.recordValue(Math.max(0, Math.min(latency.getHighestTrackableValue(),
                                (rise[0] - acceptedIntendedNanos[(int) k]) / 1000)));
                        lastNanos = rise[0];
                    }
                    counted = Math.max(counted, rise[1]);
                }
            }
            return new Counted(counted, latency, (lastNanos - runStartNanos) / 1e9);
        }
    }

    /** The dunning cases dunning-service opened in {@code currency}: one per invoice it has scheduled. */
    static long cases(Connection dunning, String currency) {
        try (PreparedStatement query = dunning.prepareStatement("SELECT count(*) FROM dunning_case WHERE currency = ?")) {
            query.setString(1, currency);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count dunning-service's cases: " + e.getMessage(), e);
        }
    }

    /** kpi-service's receivables in {@code currency}; 0 while it answers 503 (its stream processor starting). */
    static long total(HttpClient http, String kpiUrl, String bearer, String currency) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(kpiUrl + "/kpis/receivables"))
                .header("Authorization", bearer).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("kpi-service answered " + response.statusCode() + ": " + response.body());
        }
        for (JsonNode entry : JSON.readTree(response.body()).path("receivables")) {
            if (currency.equals(entry.path("currency").asText())) {
                return new BigDecimal(entry.path("amount").asText()).longValue();
            }
        }
        return 0;
    }
}
