package io.relance.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "relance.delivery")
public interface DeliveryConfig {

    /** Whether this instance runs the outbox relay (several instances may run it side by side). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Pause between two relay rounds that found nothing more to publish; may be below a second. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Most outbox rows published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** CloudEvents `ce_source` of the events this service publishes; defaults to /relance/{application name}. */
    Optional<String> source();

    /** Topic receiving the records this service cannot process; defaults to {application name}.dead-letters. */
    Optional<String> deadLetterTopic();

    /** Attempts of a failing effect (other than an outage of the database) before its record is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** First back-off between attempts of a failing effect; doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest back-off between attempts; outages of the database are retried at this pace until it returns. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long a publish to Kafka may take before the relay gives up and retries the batch later. */
    @WithDefault("30s")
    Duration publishTimeout();
}
