package io.relance.invoice.domain;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The French legal ceiling on B2B payment terms (Code de commerce L441-10): 60 days from the issue date, or 45 days
 * end of month. Both readings of "45 days end of month" are in use (end of the month after 45 days, or 45 days
 * after the end of the month), so the later of the three dates is the ceiling.
 */
public final class PaymentTerms {

    private PaymentTerms() {
    }

    public static LocalDate legalCeiling(LocalDate issueDate) {
        LocalDate sixtyDays = issueDate.plusDays(60);
        LocalDate endOfMonthAfter45 = issueDate.plusDays(45).with(TemporalAdjusters.lastDayOfMonth());
        LocalDate fortyFiveAfterEndOfMonth = issueDate.with(TemporalAdjusters.lastDayOfMonth()).plusDays(45);
        LocalDate later = sixtyDays.isAfter(endOfMonthAfter45) ? sixtyDays : endOfMonthAfter45;
        return later.isAfter(fortyFiveAfterEndOfMonth) ? later : fortyFiveAfterEndOfMonth;
    }

    /** Such an invoice is accepted (the ERP is the authority) but flagged for the credit controller. */
    public static boolean exceedLegalCeiling(LocalDate issueDate, LocalDate dueDate) {
        return dueDate.isAfter(legalCeiling(issueDate));
    }
}
