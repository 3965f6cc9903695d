package io.relance.notification.domain;

import java.time.Duration;

/** Exponential back-off between attempts of a delivery that failed for a reason that may pass. */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the given failed attempt (1 = the first): initial, doubled each time, capped. */
    public Duration delayAfter(int attempt) {
        Duration delay = initialDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }
}
