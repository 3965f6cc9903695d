package io.relance.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Tests run at any hour, but messages only go out on business days from 08:00 to 19:00 in Paris: the application
 * under test reads a clock that started on a Tuesday at 10:00 Paris time and runs at the real pace.
 */
public class BusinessHoursClock {

    static final Instant START = ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Paris]").toInstant();

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
    }
}
