package io.relance.notification.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One reminder on one channel: exactly one delivery per (reminder, channel), whose id is derived from both, so
 * that the same request always names the same delivery, Message-ID and provider idempotency key.
 */
public final class Delivery {

    private final UUID id;
    private final UUID reminderId;
    private final String customerId;
    private final Channel channel;
    private final Instant createdAt;
    private DeliveryStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    private String recipient;
    private String providerReference;
    private String trackingNumber;
    private BigDecimal cost;
    private String costCurrency;
    private String failureReason;

    public Delivery(UUID id, UUID reminderId, String customerId, Channel channel, Instant createdAt, DeliveryStatus status,
                    int attempts, Instant nextAttemptAt, Instant leaseUntil, String recipient, String providerReference,
                    String trackingNumber, BigDecimal cost, String costCurrency, String failureReason) {
        this.id = id;
        this.reminderId = reminderId;
        this.customerId = customerId;
        this.channel = channel;
        this.createdAt = createdAt;
        this.status = status;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.leaseUntil = leaseUntil;
        this.recipient = recipient;
        this.providerReference = providerReference;
        this.trackingNumber = trackingNumber;
        this.cost = cost;
        this.costCurrency = costCurrency;
        this.failureReason = failureReason;
    }

    /** The delivery a reminder asks for on a channel, due at once. */
    public static Delivery requested(UUID reminderId, String customerId, Channel channel, Instant now) {
        return new Delivery(idFor(reminderId, channel), reminderId, customerId, channel, now, DeliveryStatus.PENDING, 0,
                now, null, null, null, null, null, null, null);
    }

    public static UUID idFor(UUID reminderId, Channel channel) {
        return UUID.nameUUIDFromBytes((reminderId + "/" + channel.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** Waiting and due, or interrupted mid-attempt (SENDING past its lease). */
    public boolean isDue(Instant now) {
        return switch (status) {
            case PENDING, RETRYING -> !nextAttemptAt.isAfter(now);
            case SENDING -> leaseUntil != null && !leaseUntil.isAfter(now);
            case SENT, FAILED -> false;
        };
    }

    /** Recorded before the provider is called: an attempt in flight, owned until the lease runs out. */
    public void startAttempt(String to, Instant now, Duration lease) {
        if (!isDue(now)) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not due at " + now);
        }
        status = DeliveryStatus.SENDING;
        attempts++;
        recipient = to;
        leaseUntil = now.plus(lease);
    }

    /** Not sendable yet (quiet hours, profile not received yet): wait without spending an attempt. */
    public void postponeUntil(Instant when) {
        if (status.isFinal()) {
            throw new IllegalStateException("delivery " + id + " is already " + status);
        }
        nextAttemptAt = when;
        leaseUntil = null;
        if (status == DeliveryStatus.SENDING) {
            status = attempts == 0 ? DeliveryStatus.PENDING : DeliveryStatus.RETRYING;
        }
    }

    public void sent(String reference, String tracking, BigDecimal price, String currency) {
        requireFinalizable();
        status = DeliveryStatus.SENT;
        providerReference = reference;
        trackingNumber = tracking;
        cost = price;
        costCurrency = currency;
        leaseUntil = null;
        failureReason = null;
    }

    /** A failure that may pass: retried after the back-off, unless the attempts are spent, then final. */
    public void failedTransiently(String reason, RetryPolicy policy, Instant now) {
        requireFinalizable();
        failureReason = reason;
        leaseUntil = null;
        if (policy.allowsAnotherAfter(attempts)) {
            status = DeliveryStatus.RETRYING;
            nextAttemptAt = now.plus(policy.delayAfter(attempts));
        } else {
            status = DeliveryStatus.FAILED;
            failureReason = "gave up after " + attempts + " attempts: " + reason;
        }
    }

    public void failedPermanently(String reason) {
        requireFinalizable();
        status = DeliveryStatus.FAILED;
        failureReason = reason;
        leaseUntil = null;
    }

    /** The customer was erased: its address must not stay in the history. */
    public void forgetRecipient() {
        recipient = null;
    }

    private void requireFinalizable() {
        if (status.isFinal()) {
            throw new IllegalStateException("delivery " + id + " is already " + status);
        }
    }

    public UUID id() { return id; }
    public UUID reminderId() { return reminderId; }
    public String customerId() { return customerId; }
    public Channel channel() { return channel; }
    public Instant createdAt() { return createdAt; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant leaseUntil() { return leaseUntil; }
    public String recipient() { return recipient; }
    public String providerReference() { return providerReference; }
    public String trackingNumber() { return trackingNumber; }
    public BigDecimal cost() { return cost; }
    public String costCurrency() { return costCurrency; }
    public String failureReason() { return failureReason; }
}
