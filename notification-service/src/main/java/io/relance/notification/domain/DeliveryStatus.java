package io.relance.notification.domain;

/**
 * Where a delivery stands. PENDING and RETRYING wait for their next attempt; SENDING is written before the
 * provider is called and left only once its answer is recorded, so a SENDING row whose lease ran out is an
 * attempt interrupted by a crash, repeated with the same idempotency key; SENT and FAILED are final.
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    RETRYING,
    SENT,
    FAILED;

    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }
}
