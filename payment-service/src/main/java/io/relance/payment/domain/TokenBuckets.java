package io.relance.payment.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One token bucket per key (a payment link, a provider's webhook): {@code capacity} requests at once, then one more
 * every {@code refillEvery}. Buckets of keys not seen for a while are dropped beyond {@code maxKeys}, so a flood of
 * distinct keys cannot exhaust memory; a dropped key simply starts full again.
 */
public final class TokenBuckets {

    private record Bucket(double tokens, Instant at) {
    }

    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    public TokenBuckets(int capacity, Duration refillEvery, int maxKeys, Clock clock) {
        if (capacity < 1 || refillEvery.isZero() || refillEvery.isNegative()) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive refill period");
        }
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token for {@code key}: zero when allowed, else how long until the next token. */
    public synchronized Duration take(String key) {
        Instant now = clock.instant();
        Bucket bucket = buckets.getOrDefault(key, new Bucket(capacity, now));
        double refilled = Math.min(capacity,
                bucket.tokens() + (double) Duration.between(bucket.at(), now).toNanos() / refillEvery.toNanos());
        if (refilled >= 1) {
            buckets.put(key, new Bucket(refilled - 1, now));
            return Duration.ZERO;
        }
        buckets.put(key, new Bucket(refilled, now));
        return Duration.ofNanos((long) Math.ceil((1 - refilled) * refillEvery.toNanos()));
    }
}
