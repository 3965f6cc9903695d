package io.relance.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reminder dunning-service asked for: one statement of the customer's invoices, to deliver on each channel.
 * Amounts, interest and indemnities are dunning-service's figures; they are printed, never recomputed here.
 */
public record Reminder(UUID reminderId, String customerId, List<Channel> channels, String templateKey, Tone tone,
                       LocalDate businessDate, String currency, List<ReminderLine> lines, BigDecimal totalOpen,
                       BigDecimal totalLateInterest, BigDecimal totalRecoveryIndemnity, LocalDate responseDeadline) {

    public Reminder {
        channels = List.copyOf(channels);
        lines = List.copyOf(lines);
    }

    /** The date printed as the deadline to pay: the step's own, else the business date plus the default delay. */
    public LocalDate deadline(int defaultDays) {
        return responseDeadline != null ? responseDeadline : businessDate.plusDays(defaultDays);
    }

    /** What the customer is asked to pay: the open amounts plus any interest and indemnities claimed. */
    public BigDecimal totalClaimed() {
        BigDecimal total = totalOpen;
        if (totalLateInterest != null) {
            total = total.add(totalLateInterest);
        }
        if (totalRecoveryIndemnity != null) {
            total = total.add(totalRecoveryIndemnity);
        }
        return total;
    }
}
