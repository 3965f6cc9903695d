package io.relance.invoice.api;

import io.relance.invoice.domain.Dispute;

import java.time.LocalDate;
import java.util.UUID;

/** A dispute as the API shows it; {@code outcome} is null while it is open. */
public record DisputeResponse(UUID id, UUID invoiceId, String customerId, String reason, String disputedAmount,
                              String currency, String comment, LocalDate openedOn, String outcome,
                              LocalDate resolvedOn, String resolutionComment) {

    static DisputeResponse of(Dispute d) {
        return new DisputeResponse(d.id(), d.invoiceId(), d.customerId(), d.reason().name(),
                d.disputedAmount().amount().toPlainString(), d.disputedAmount().currency().getCurrencyCode(),
                d.comment(), d.openedOn(), d.outcome() == null ? null : d.outcome().name(), d.resolvedOn(),
                d.resolutionComment());
    }
}
