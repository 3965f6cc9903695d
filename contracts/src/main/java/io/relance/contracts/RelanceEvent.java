package io.relance.contracts;

import java.time.Instant;
import java.util.UUID;

/** A business fact published by a Relance service; every event record implements it. */
public interface RelanceEvent {

    /** Unique id of this event, equal to the {@code ce_id} header; consumers deduplicate on it. */
    UUID eventId();

    /** Business time at which the fact happened (the simulated clock in replay mode). */
    Instant occurredAt();

    /** Id of the debtor account the fact is about; also the Kafka record key. */
    String customerId();
}
