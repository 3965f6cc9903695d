package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatePaymentChargesTest {

    static final LatePaymentRates RATES = new LatePaymentRates(Map.of(
            new HalfYear(2024, 1), new LatePaymentRates.Rates(new BigDecimal("4.50"), new BigDecimal("5.07")),
            new HalfYear(2025, 2), new LatePaymentRates.Rates(new BigDecimal("2.15"), new BigDecimal("2.76")),
            new HalfYear(2026, 1), new LatePaymentRates.Rates(new BigDecimal("2.00"), new BigDecimal("2.62"))));

    private final LatePaymentCharges charges = new LatePaymentCharges(RATES);

    @Test
    void interestIsTheEcbRatePlusTenPointsFromTheDayAfterTheDueDate() {
        Money interest = charges.lateInterest(Money.of("10000.00", "EUR"), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 16), null);

        // 10000 x 12.00% x 45 / 365
        assertThat(interest).isEqualTo(Money.of("147.95", "EUR"));
    }

    @Test
    void eachHalfYearIsChargedAtItsOwnRate() {
        Money interest = charges.lateInterest(Money.of("10000.00", "EUR"), LocalDate.of(2025, 12, 16),
                LocalDate.of(2026, 1, 15), null);

        // 15 days at 12.15% in 2025-H2, 15 days at 12.00% in 2026-H1
        assertThat(interest).isEqualTo(Money.of("99.25", "EUR"));
    }

    @Test
    void theRateIsNeverBelowThreeTimesTheLegalRate() {
        assertThat(RATES.annualRate(new HalfYear(2024, 1), null)).isEqualByComparingTo("15.21");
        Money interest = charges.lateInterest(Money.of("1000.00", "EUR"), LocalDate.of(2024, 1, 31),
                LocalDate.of(2024, 3, 1), null);
        assertThat(interest).isEqualTo(Money.of("12.50", "EUR"));
    }

    @Test
    void aContractRateReplacesTheEcbRateButNotTheFloor() {
        assertThat(RATES.annualRate(new HalfYear(2026, 1), new BigDecimal("15"))).isEqualByComparingTo("15");
        assertThat(RATES.annualRate(new HalfYear(2026, 1), new BigDecimal("1"))).isEqualByComparingTo("7.86");
    }

    @Test
    void aHalfYearNotYetPublishedUsesTheLatestKnownRates() {
        assertThat(RATES.annualRate(new HalfYear(2026, 2), null)).isEqualByComparingTo("12.00");
    }

    @Test
    void aHalfYearMissingFromTheTableSaysWhichRatesItBorrows() {
        assertThat(RATES.carriedOver(new HalfYear(2026, 2))).containsExactly(
                "the ECB rate of 2026-H1 applies to 2026-H2", "the legal rate of 2026-H1 applies to 2026-H2");
        assertThat(RATES.carriedOver(new HalfYear(2026, 1))).isEmpty();
    }

    @Test
    void aHalfYearWithOnlyItsEcbRateKeepsTheLatestPublishedLegalRateAsItsFloor() {
        LatePaymentRates rates = new LatePaymentRates(Map.of(
                new HalfYear(2025, 2), new LatePaymentRates.Rates(new BigDecimal("2.15"), new BigDecimal("2.76")),
                new HalfYear(2026, 1), new LatePaymentRates.Rates(new BigDecimal("2.15"), null)));

        assertThat(rates.annualRate(new HalfYear(2026, 1), null)).isEqualByComparingTo("12.15");
        assertThat(rates.annualRate(new HalfYear(2026, 1), BigDecimal.ONE)).isEqualByComparingTo("8.28");
        assertThat(rates.carriedOver(new HalfYear(2026, 1)))
                .containsExactly("the legal rate of 2025-H2 applies to 2026-H1");
    }

    @Test
    void aTableMustStartWithAKnownLegalRate() {
        assertThatThrownBy(() -> new LatePaymentRates(Map.of(
                new HalfYear(2026, 1), new LatePaymentRates.Rates(new BigDecimal("2.15"), null))))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.rule()).contains("2026-H1"));
    }

    @Test
    void noInterestRunsOnOrBeforeTheDueDate() {
        LocalDate due = LocalDate.of(2026, 3, 2);
        assertThat(charges.lateInterest(Money.of("500.00", "EUR"), due, due, null).amount()).isZero();
        assertThat(charges.lateInterest(Money.of("500.00", "EUR"), due, due.minusDays(3), null).amount()).isZero();
    }

    @Test
    void theRecoveryIndemnityIsFortyEurosPerInvoice() {
        assertThat(charges.recoveryIndemnity(Currency.getInstance("EUR"))).contains(Money.of("40.00", "EUR"));
        assertThat(charges.recoveryIndemnity(Currency.getInstance("USD"))).isEmpty();
    }
}
