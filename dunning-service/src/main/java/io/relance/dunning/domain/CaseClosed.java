package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A case ended: nothing more is sent for its invoice. */
public record CaseClosed(UUID caseId, String customerId, UUID invoiceId, LocalDate closedOn, ClosureReason reason,
                         Money amountRecovered) {
}
