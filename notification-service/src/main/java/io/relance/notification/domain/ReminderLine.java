package io.relance.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One invoice of a reminder's statement; interest and indemnity are null when the step claims none. */
public record ReminderLine(UUID invoiceId, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                           BigDecimal amountOpen, BigDecimal lateInterest, BigDecimal recoveryIndemnity) {
}
