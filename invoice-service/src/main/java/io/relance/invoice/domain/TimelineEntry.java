package io.relance.invoice.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One fact that touched an invoice.
 *
 * @param amount null for facts without an amount (a rejected dispute)
 * @param reference what the fact is about: credit-note number, payment id, dispute id; null when none
 * @param detail a reason or comment; null when none
 */
public record TimelineEntry(UUID invoiceId, Kind kind, LocalDate businessDate, Money amount, String reference,
                            String detail, Instant recordedAt) {

    public enum Kind {
        ISSUED, CREDIT_NOTE, PAYMENT, PAYMENT_REVERSED, CANCELLED, WRITTEN_OFF, DISPUTE_OPENED, DISPUTE_RESOLVED
    }
}
