package io.relance.invoice.messaging;

import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeOutcome;
import io.relance.contracts.invoice.DisputeReason;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.invoice.domain.Dispute;

import java.time.Instant;
import java.util.UUID;

/** Translates disputes into DisputeOpened and DisputeResolved. */
public final class DisputeEvents {

    private DisputeEvents() {
    }

    public static DisputeOpened opened(Dispute dispute, Instant occurredAt) {
        return new DisputeOpened(UUID.randomUUID(), occurredAt, dispute.customerId(), dispute.id(),
                dispute.invoiceId(), dispute.openedOn(), dispute.disputedAmount().amount(),
                dispute.disputedAmount().currency().getCurrencyCode(), DisputeReason.valueOf(dispute.reason().name()),
                dispute.comment());
    }

    public static DisputeResolved resolved(Dispute dispute, Instant occurredAt) {
        DisputeOutcome outcome = switch (dispute.outcome()) {
            case ACCEPTED -> DisputeOutcome.ACCEPTED_CREDITED;
            case REJECTED -> DisputeOutcome.REJECTED;
            case WITHDRAWN -> DisputeOutcome.WITHDRAWN;
        };
        return new DisputeResolved(UUID.randomUUID(), occurredAt, dispute.customerId(), dispute.id(),
                dispute.invoiceId(), dispute.resolvedOn(), outcome, dispute.resolutionComment());
    }
}
