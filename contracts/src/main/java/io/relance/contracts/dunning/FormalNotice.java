package io.relance.contracts.dunning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The formal notice (mise en demeure) the invoice received before its hand-over.
 *
 * @param responseDeadline the date by which the notice told the debtor to pay; null when it set none
 * @param lateInterest late-payment interest the notice claimed; null when it claimed none
 * @param recoveryIndemnity the recovery indemnity the notice claimed; null when it claimed none
 */
public record FormalNotice(
        UUID reminderId,
        LocalDate businessDate,
        LocalDate responseDeadline,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lateInterest,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal recoveryIndemnity) {

    public FormalNotice {
        requireNonNull(reminderId, "reminderId");
        requireNonNull(businessDate, "businessDate");
    }
}
