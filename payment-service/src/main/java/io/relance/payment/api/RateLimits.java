package io.relance.payment.api;

import io.relance.payment.config.PaymentConfig;
import io.relance.payment.domain.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets in front of the public endpoints: one per payment link (and one shared by all refused links, so
 * guessing tokens is slow without slowing genuine links), one per sandbox session, one per provider's webhook.
 * Per instance: N instances allow N times the rate, which still bounds abuse.
 */
@ApplicationScoped
class RateLimits {

    /** Buckets kept at most; beyond that the least recently used are forgotten. */
    private static final int MAX_KEYS = 50_000;
    static final String REFUSED_LINKS = "refused-links";

    private final TokenBuckets links;
    private final TokenBuckets webhooks;

    RateLimits(PaymentConfig config, Clock clock) {
        this.links = new TokenBuckets(config.links().burst(), config.links().refillEvery(), MAX_KEYS, clock);
        this.webhooks = new TokenBuckets(config.sandbox().webhookBurst(), config.sandbox().webhookRefillEvery(), MAX_KEYS, clock);
    }

    void link(String key) {
        check(links.take(key));
    }

    void webhook(String provider) {
        check(webhooks.take(provider));
    }

    private static void check(Duration wait) {
        if (!wait.isZero()) {
            throw new RateLimitedException(wait);
        }
    }
}
