package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One invoice of a reminder's statement.
 *
 * @param lateInterest null when the step claims none
 * @param recoveryIndemnity null when the step claims none
 */
public record ReminderLine(UUID caseId, UUID invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                           Money amountOpen, Money lateInterest, Money recoveryIndemnity) {
}
