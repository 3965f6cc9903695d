package io.relance.dunning.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: a business day the test sets, so that no test depends on the day it runs. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private volatile Instant now = LocalDate.of(2026, 3, 9).atTime(9, 0).atZone(PARIS).toInstant();

    /** Moves "now" to 09:00 in Paris on {@code day}. */
    public void setToday(LocalDate day) {
        now = day.atTime(9, 0).atZone(PARIS).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock has one zone");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
