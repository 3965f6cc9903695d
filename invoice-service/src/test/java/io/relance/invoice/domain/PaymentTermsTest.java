package io.relance.invoice.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTermsTest {

    @Test
    void sixtyDaysFromIssueIsWithinTheCeiling() {
        LocalDate issued = LocalDate.parse("2026-01-31");
        assertThat(PaymentTerms.exceedLegalCeiling(issued, issued.plusDays(60))).isFalse();
    }

    @Test
    void fortyFiveDaysEndOfMonthCanReachFurtherThanSixtyDays() {
        // Issued on 1 March: 45 days after the end of March is 15 May, later than 60 days (30 April).
        LocalDate issued = LocalDate.parse("2026-03-01");
        assertThat(PaymentTerms.legalCeiling(issued)).isEqualTo(LocalDate.parse("2026-05-15"));
        assertThat(PaymentTerms.exceedLegalCeiling(issued, LocalDate.parse("2026-05-15"))).isFalse();
        assertThat(PaymentTerms.exceedLegalCeiling(issued, LocalDate.parse("2026-05-16"))).isTrue();
    }

    @Test
    void theEndOfTheMonthAfterFortyFiveDaysCountsToo() {
        // Issued on 20 March: 45 days is 4 May, end of that month 31 May; 45 days after 31 March is 15 May.
        LocalDate issued = LocalDate.parse("2026-03-20");
        assertThat(PaymentTerms.legalCeiling(issued)).isEqualTo(LocalDate.parse("2026-05-31"));
    }

    @Test
    void ninetyDaysIsBeyondTheCeiling() {
        LocalDate issued = LocalDate.parse("2026-03-02");
        assertThat(PaymentTerms.exceedLegalCeiling(issued, issued.plusDays(90))).isTrue();
    }
}
