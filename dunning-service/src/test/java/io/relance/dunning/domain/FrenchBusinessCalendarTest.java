package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchBusinessCalendarTest {

    private final FrenchBusinessCalendar calendar = new FrenchBusinessCalendar();

    @Test
    void easterSundayIsComputedForPastAndFutureYears() {
        assertThat(FrenchBusinessCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(FrenchBusinessCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(FrenchBusinessCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FrenchBusinessCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void easterMondayAscensionAndWhitMondayAreHolidays() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 14))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 25))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 4, 7))).isTrue();
    }

    @Test
    void theFixedHolidaysAreNotBusinessDaysWhateverTheWeekday() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 5, 8))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 7, 14))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 11, 11))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 25))).isFalse();
    }

    @Test
    void weekendsAreNotBusinessDays() {
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 7))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 8))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 9))).isTrue();
    }

    @Test
    void aSaturdayBeforeEasterMondayMovesToTheTuesday() {
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 4, 4))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void aBusinessDayStaysWhereItIs() {
        assertThat(calendar.onOrAfter(LocalDate.of(2026, 4, 8))).isEqualTo(LocalDate.of(2026, 4, 8));
    }
}
