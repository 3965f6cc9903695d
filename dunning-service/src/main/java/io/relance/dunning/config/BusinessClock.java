package io.relance.dunning.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

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
}
