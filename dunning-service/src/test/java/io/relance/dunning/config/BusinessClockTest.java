package io.relance.dunning.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

class BusinessClockTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void beforeTheSendingTimeTheDayBeforeIsTheSendingDay() {
        assertThat(BusinessClock.sendingDay(Instant.parse("2013-03-04T07:59:59Z"), PARIS, NINE))
                .isEqualTo(LocalDate.of(2013, 3, 3));
    }

    @Test
    void fromTheSendingTimeInTheBusinessZoneTodayIsTheSendingDay() {
        assertThat(BusinessClock.sendingDay(Instant.parse("2013-03-04T08:00:00Z"), PARIS, NINE))
                .isEqualTo(LocalDate.of(2013, 3, 4));
    }

    @Test
    void theDayAndTheSendingTimeAreReadInTheBusinessZoneNotInUtc() {
        assertThat(BusinessClock.sendingDay(Instant.parse("2013-03-04T23:30:00Z"), PARIS, NINE))
                .isEqualTo(LocalDate.of(2013, 3, 4));
        assertThat(BusinessClock.sendingDay(Instant.parse("2013-07-04T07:00:00Z"), PARIS, NINE))
                .isEqualTo(LocalDate.of(2013, 7, 4));
    }
}
