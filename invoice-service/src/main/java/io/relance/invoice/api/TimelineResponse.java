package io.relance.invoice.api;

import io.relance.invoice.domain.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;

/** One fact on an invoice's timeline; amount, currency, reference and detail are null when the fact has none. */
public record TimelineResponse(String kind, LocalDate businessDate, Instant recordedAt, String amount,
                               String currency, String reference, String detail) {

    static TimelineResponse of(TimelineEntry entry) {
        return new TimelineResponse(entry.kind().name(), entry.businessDate(), entry.recordedAt(),
                entry.amount() == null ? null : entry.amount().amount().toPlainString(),
                entry.amount() == null ? null : entry.amount().currency().getCurrencyCode(),
                entry.reference(), entry.detail());
    }
}
