package io.relance.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SendingWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SendingWindow window = new SendingWindow(PARIS, LocalTime.of(8, 0), LocalTime.of(19, 0));

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void aTuesdayMorningInParisIsOpenUntilSevenInTheEvening() {
        assertThat(window.isOpen(paris("2026-11-24T08:00"))).isTrue();
        assertThat(window.isOpen(paris("2026-11-24T18:59"))).isTrue();
        assertThat(window.isOpen(paris("2026-11-24T19:00"))).isFalse();
        assertThat(window.isOpen(paris("2026-11-24T07:59"))).isFalse();
    }

    @Test
    void anEveningMessageWaitsForTheNextMorning() {
        assertThat(window.nextOpening(paris("2026-11-24T21:30"))).isEqualTo(paris("2026-11-25T08:00"));
        assertThat(window.nextOpening(paris("2026-11-24T06:00"))).isEqualTo(paris("2026-11-24T08:00"));
    }

    @Test
    void aFridayEveningMessageWaitsForMonday() {
        assertThat(window.nextOpening(paris("2026-11-27T19:30"))).isEqualTo(paris("2026-11-30T08:00"));
        assertThat(window.isOpen(paris("2026-11-28T10:00"))).isFalse();
    }

    @Test
    void publicHolidaysAreClosedIncludingTheMovableOnes() {
        assertThat(window.isOpen(paris("2026-11-11T10:00"))).isFalse();
        assertThat(FrenchPublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 14))).as("Ascension").isTrue();
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 25))).as("Whit Monday").isTrue();
        assertThat(FrenchPublicHolidays.isHoliday(LocalDate.of(2026, 5, 26))).isFalse();
        assertThat(window.nextOpening(paris("2026-12-24T19:30"))).as("Christmas Day, then the weekend")
                .isEqualTo(paris("2026-12-28T08:00"));
    }

    @Test
    void theWindowFollowsParisTimeAcrossTheDaylightSavingChange() {
        assertThat(window.isOpen(Instant.parse("2026-07-01T06:30:00Z"))).as("08:30 CEST").isTrue();
        assertThat(window.isOpen(Instant.parse("2026-01-06T06:30:00Z"))).as("07:30 CET").isFalse();
    }
}
