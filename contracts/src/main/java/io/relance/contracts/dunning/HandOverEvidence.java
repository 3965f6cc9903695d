package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;

/**
 * The file a hand-over sends to the collection agency or the legal department: what is owed and claimed on the
 * hand-over day, and every reminder that claimed the invoice before.
 *
 * @param amountOpen the balance still owed on the hand-over day
 * @param lateInterest late-payment interest from the day after the due date to the hand-over day
 * @param recoveryIndemnity the fixed recovery indemnity; null when the law fixes none for the currency
 * @param reminders every reminder requested for the invoice, oldest first; empty when none was
 * @param formalNotice the last formal notice the invoice received; null when it received none
 */
public record HandOverEvidence(
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountOpen,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lateInterest,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal recoveryIndemnity,
        List<ReminderEvidence> reminders,
        FormalNotice formalNotice) {

    public HandOverEvidence {
        requireNonNull(currency, "currency");
        requireNonNull(amountOpen, "amountOpen");
        requireNonNull(lateInterest, "lateInterest");
        reminders = List.copyOf(requireNonNull(reminders, "reminders"));
    }
}
