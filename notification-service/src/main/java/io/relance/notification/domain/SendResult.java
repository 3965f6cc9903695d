package io.relance.notification.domain;

/** A provider's answer to one attempt. */
public sealed interface SendResult {

    /** Handed over: the provider's reference, and a postal tracking number for letters (else null). */
    record Accepted(String providerReference, String trackingNumber) implements SendResult {
    }

    /** Refused for a reason that may pass (timeout, 4xx SMTP reply, gateway unavailable): try again later. */
    record Transient(String reason) implements SendResult {
    }

    /** Refused for good (invalid address, hard bounce): the address joins the suppression list when there is one. */
    record Permanent(String reason, boolean suppressRecipient) implements SendResult {
    }
}
