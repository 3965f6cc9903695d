package io.relance.payment.api;

import java.time.Duration;

/** Too many requests for one bucket; {@code retryAfter} says when the next one is allowed. */
class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super("too many requests; retry in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(retryAfter.toMillis() / 1000.0));
    }
}
