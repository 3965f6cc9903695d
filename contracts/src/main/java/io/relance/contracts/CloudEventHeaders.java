package io.relance.contracts;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary mode, and of the
 * dead-letter headers. Every header value is a UTF-8 string.
 */
public final class CloudEventHeaders {

    /** The event id; equals the payload's {@code eventId}. */
    public static final String ID = "ce_id";

    /** The versioned event type, one of {@link EventType#ceType()}; consumers dispatch on it. */
    public static final String TYPE = "ce_type";

    /** URI-reference naming the publisher, for example {@code /relance/invoice-service}. */
    public static final String SOURCE = "ce_source";

    /** RFC 3339 time of the occurrence; equals the payload's {@code occurredAt}. */
    public static final String TIME = "ce_time";

    public static final String SPEC_VERSION = "ce_specversion";

    /** The only CloudEvents version Relance publishes. */
    public static final String SPEC_VERSION_1_0 = "1.0";

    /** The binding maps {@code datacontenttype} to this header; Relance payloads are {@code application/json}. */
    public static final String CONTENT_TYPE = "content-type";

    /** Why the record was dead-lettered: exception class and message. */
    public static final String DEAD_LETTER_REASON = "relance_dlt_reason";

    /** Topic the failed record was read from. */
    public static final String DEAD_LETTER_TOPIC = "relance_dlt_topic";

    /** Partition the failed record was read from, as a decimal string. */
    public static final String DEAD_LETTER_PARTITION = "relance_dlt_partition";

    /** Offset of the failed record in that partition, as a decimal string. */
    public static final String DEAD_LETTER_OFFSET = "relance_dlt_offset";

    private CloudEventHeaders() {
    }
}
