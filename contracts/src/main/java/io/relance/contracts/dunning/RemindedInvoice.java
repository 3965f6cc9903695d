package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a reminder's statement: an invoice still owed, in the reminder's currency.
 *
 * @param amountOpen the balance still owed on the business date
 * @param lateInterest late-payment interest claimed on this invoice; null when the step claims none
 * @param recoveryIndemnity the fixed recovery indemnity claimed (40 EUR in France); null when the
 *     step claims none
 */
public record RemindedInvoice(
        UUID invoiceId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountOpen,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lateInterest,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal recoveryIndemnity) {

    public RemindedInvoice {
        requireNonNull(invoiceId, "invoiceId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(amountOpen, "amountOpen");
    }
}
