package io.relance.dunning.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** "Now" and "today" in the business time zone, both from the injected clock. */
@ApplicationScoped
public class BusinessClock {

    private final Clock clock;
    private final DunningConfig config;

    BusinessClock(Clock clock, DunningConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /** The latest business day whose reminders may go out now: today from {@code send-from} on, else yesterday. */
    public LocalDate sendingDay() {
        return sendingDay(clock.instant());
    }

    /** {@link #sendingDay()} at {@code now}. */
    public LocalDate sendingDay(Instant now) {
        return sendingDay(now, config.zone(), config.sendFrom());
    }

    static LocalDate sendingDay(Instant now, ZoneId zone, LocalTime sendFrom) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalTime().isBefore(sendFrom) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
