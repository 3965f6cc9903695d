package io.relance.benchmark;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts invoices at a fixed offered rate (open loop: each request has its intended send time, and latencies count
 * from it, so a slow server cannot hide its queueing), one unit of {@code currency} each, numbered
 * {@code B-<run>-<index>} so downstream observers can tell when each was seen.
 */
final class OfferedLoad {

    /** Invoices go to customers BENCH-0 … BENCH-(CUSTOMERS - 1), created before the runs. */
    static final int CUSTOMERS = 5000;

    /** {@code shed}: refused with 503 because invoice-service had as many requests in progress as it allows. */
    record Result(int offered, int accepted, int shed, int failed, double acceptedPerSecond, Histogram httpLatencyMicros,
                  long[] intendedNanos, long[] acceptedIntendedNanos) {
    }

    private OfferedLoad() {
    }

    static Result run(HttpClient http, String invoicesUrl, String authorization, String run, String currency, int rate, Duration duration) {
        int count = (int) (rate * duration.toSeconds());
        long[] intended = new long[count];
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> created = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<Integer, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long[] lastCompletion = {start};
        for (int i = 0; i < count; i++) {
            intended[i] = start + (long) (i * 1e9 / rate);
            long wait = intended[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            String body = """
                    {"customerId":"BENCH-%d","number":"B-%s-%d","amount":"1","currency":"%s","issueDate":"%s","dueDate":"%s"}"""
                    .formatted(index % CUSTOMERS, run, index, currency, Terms.ISSUED, Terms.DUE);
            CompletableFuture<HttpResponse<Void>> call = http.sendAsync(HttpRequest.newBuilder(URI.create(invoicesUrl))
                    .header("Content-Type", "application/json").header("Authorization", authorization).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            inFlight.put(index, call);
            call.whenComplete((response, error) -> {
                long now = System.nanoTime();
                boolean taken = error == null && response.statusCode() == 201;
                synchronized (latency) {
                    // the latency of what was taken: a quick refusal must not flatter the percentiles
                    if (taken) {
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(), (now - intended[index]) / 1000));
                    }
                    lastCompletion[0] = Math.max(lastCompletion[0], now);
                }
                if (taken) {
                    accepted.incrementAndGet();
                    created.add(index);
                } else if (error == null && response.statusCode() == 503) {
                    shed.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.remove(index);
            });
        }
        CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (lastCompletion[0] - start) / 1e9;
        // downstream counts credit the k-th invoice seen to the k-th one taken, in the order they were sent
        long[] acceptedIntended = created.stream().mapToInt(Integer::intValue).sorted().mapToLong(i -> intended[i]).toArray();
        return new Result(count, accepted.get(), shed.get(), failed.get(), accepted.get() / seconds, latency, intended, acceptedIntended);
    }
}
