package io.relance.benchmark;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

    record Result(int offered, int accepted, int failed, double acceptedPerSecond, Histogram httpLatencyMicros,
                  long[] intendedNanos) {
    }

    private OfferedLoad() {
    }

    static Result run(HttpClient http, String invoicesUrl, String authorization, String run, String currency, int rate, Duration duration) {
        int count = (int) (rate * duration.toSeconds());
        long[] intended = new long[count];
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicInteger accepted = new AtomicInteger();
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
                synchronized (latency) {
                    latency.recordValue(Math.min(latency.getHighestTrackableValue(), (now - intended[index]) / 1000));
                    lastCompletion[0] = Math.max(lastCompletion[0], now);
                }
                if (error == null && response.statusCode() == 201) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.remove(index);
            });
        }
        CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (lastCompletion[0] - start) / 1e9;
        return new Result(count, accepted.get(), failed.get(), accepted.get() / seconds, latency, intended);
    }
}
