package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A case moved to a step for a reason other than a plain reminder: a hand-over, a broken promise, a missed
 * instalment.
 *
 * @param fromStepIndex the step it left; null when it had taken none
 * @param lateInterest for a hand-over, the interest from the day after the due date to the hand-over day; else null
 * @param recoveryIndemnity for a hand-over, the fixed indemnity when the law sets one for the currency; else null
 */
public record Escalation(UUID caseId, String customerId, UUID invoiceId, Integer fromStepIndex, int toStepIndex,
                         EscalationReason reason, LocalDate businessDate, boolean handOver, Money amountOpen,
                         Money lateInterest, Money recoveryIndemnity) {
}
